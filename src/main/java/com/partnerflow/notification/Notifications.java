package com.partnerflow.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface Notifications extends JpaRepository<Notification, Long> {

    /** JPQL rather than a derived query: a mail step runs it for every mail, and a derived query is translated anew per call. */
    @Query("select n from Notification n where n.topic = :topic and n.status = :status order by n.id")
    List<Notification> findByTopicAndStatusOrderById(String topic, Notification.Status status);

    long countByStatus(Notification.Status status);

    /** Topics with mails of decisions outside any process still pending since before {@code before}. */
    @Query("""
            select distinct n.topic from Notification n
            where n.outsideProcess = true and n.status = com.partnerflow.notification.Notification.Status.PENDING
              and n.createdAt < :before
            """)
    List<String> topicsPendingOutsideProcessesSince(Instant before);

    /** The mail, locked until the caller's transaction ends: two senders never send it twice. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from Notification n where n.id = :id")
    Optional<Notification> lockById(Long id);
}
