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

    /**
     * Locks the subscriber's row until the transaction ends, waiting for a transaction that holds it. One table, plain
     * SQL: the same statement on H2 and PostgreSQL (a locking read of the entity joins its partner, which H2 answered
     * with "no row" instead of waiting).
     */
    @Query(value = "select id from subscriber where number = :number for update", nativeQuery = true)
    Optional<Long> lockByNumber(String number);
}
