package com.partnerflow.subscriber;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClientAccesses extends JpaRepository<ClientAccess, Long> {

    boolean existsByUserIdAndSubscriber(String userId, Subscriber subscriber);

    List<ClientAccess> findBySubscriberOrderByUserId(Subscriber subscriber);
}
