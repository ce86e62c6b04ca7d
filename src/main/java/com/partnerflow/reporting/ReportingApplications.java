package com.partnerflow.reporting;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import com.partnerflow.subscriber.Subscriber;

interface ReportingApplications extends JpaRepository<ReportingApplication, Long> {

    Optional<ReportingApplication> findByOpenSubscriber(Subscriber subscriber);
}
