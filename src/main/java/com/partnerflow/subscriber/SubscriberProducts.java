package com.partnerflow.subscriber;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriberProducts extends JpaRepository<SubscriberProduct, Long> {

    Optional<SubscriberProduct> findBySubscriberAndProduct(Subscriber subscriber, Product product);

    List<SubscriberProduct> findBySubscriberOrderByProduct(Subscriber subscriber);

    List<SubscriberProduct> findBySubscriberInOrderByProduct(Collection<Subscriber> subscribers);
}
