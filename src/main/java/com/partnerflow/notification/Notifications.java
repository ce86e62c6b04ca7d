package com.partnerflow.notification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Notifications extends JpaRepository<Notification, Long> {

    List<Notification> findByTopicAndStatusOrderById(String topic, Notification.Status status);

    long countByStatus(Notification.Status status);
}
