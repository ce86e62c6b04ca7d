package com.partnerflow.subscriber;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;

public interface Subscribers extends JpaRepository<Subscriber, Long>, JpaSpecificationExecutor<Subscriber> {

    /** JPQL, not a derived query: see {@code PartnerMemberships#findByUserId}. */
    @Query("select s from Subscriber s where s.number = :number")
    Optional<Subscriber> findByNumber(String number);

    List<Subscriber> findByPartnerOrderByNumber(Partner partner);
}
