package com.partnerflow.notification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Notifications extends JpaRepository<Notification, Long> {

    /** JPQL rather than a derived query: a mail step runs it for every mail, and a derived query is translated anew per call. */
    @Query("select n from Notification n where n.topic = :topic and n.status = :status order by n.id")
    List<Notification> findByTopicAndStatusOrderById(String topic, Notification.Status status);

    long countByStatus(Notification.Status status);
}
