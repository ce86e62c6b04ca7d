package com.partnerflow.partner;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RestrictedApplications extends JpaRepository<RestrictedApplication, Long> {

    List<RestrictedApplication> findAllByOrderByName();
}
