package com.partnerflow.subscriber;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Subscribers extends JpaRepository<Subscriber, Long> {

    Optional<Subscriber> findByNumber(String number);
}
