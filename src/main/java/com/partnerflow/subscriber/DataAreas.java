package com.partnerflow.subscriber;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DataAreas extends JpaRepository<DataArea, Long> {

    /** JPQL, not a derived query: see {@code PartnerMemberships#findByUserId} (on the REST calls of a transfer, issue 23). */
    @Query("select d from DataArea d where d.subscriber = ?1 order by d.number")
    List<DataArea> findBySubscriberOrderByNumber(Subscriber subscriber);

    List<DataArea> findBySubscriberInOrderByNumber(Collection<Subscriber> subscribers);
}
