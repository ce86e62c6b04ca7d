package com.partnerflow.subscriber;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ClientAccesses extends JpaRepository<ClientAccess, Long> {

    boolean existsByUserIdAndSubscriber(String userId, Subscriber subscriber);

    List<ClientAccess> findBySubscriberOrderByUserId(Subscriber subscriber);

    @Query("select a.subscriber from ClientAccess a where a.userId = ?1 order by a.subscriber.number")
    List<Subscriber> subscribersOfUser(String userId);
}
