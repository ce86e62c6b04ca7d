package com.partnerflow.subscriber;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DataAreas extends JpaRepository<DataArea, Long> {

    List<DataArea> findBySubscriberOrderByNumber(Subscriber subscriber);

    List<DataArea> findBySubscriberInOrderByNumber(Collection<Subscriber> subscribers);
}
