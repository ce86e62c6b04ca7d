package com.partnerflow.subscriber;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ClientAccesses extends JpaRepository<ClientAccess, Long> {

    boolean existsByUserIdAndSubscriber(String userId, Subscriber subscriber);

    /** JPQL, not a derived query: see {@code PartnerMemberships#findByUserId} (on the REST calls of a transfer, issue 23). */
    @Query("select a from ClientAccess a where a.subscriber = ?1 order by a.userId")
    List<ClientAccess> findBySubscriberOrderByUserId(Subscriber subscriber);
}
