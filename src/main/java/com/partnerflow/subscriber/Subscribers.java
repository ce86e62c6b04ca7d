package com.partnerflow.subscriber;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import com.partnerflow.partner.Partner;

public interface Subscribers extends JpaRepository<Subscriber, Long> {

    Optional<Subscriber> findByNumber(String number);

    List<Subscriber> findByPartnerOrderByNumber(Partner partner);
}
