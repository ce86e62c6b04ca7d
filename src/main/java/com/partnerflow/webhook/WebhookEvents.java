package com.partnerflow.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.partnerflow.notification.PublicLinks;
import com.partnerflow.system.RequestEvent;

/**
 * The outbox of webhooks: for each {@link RequestEvent}, one delivery row and its first delivery job per active
 * endpoint of the event's partners that subscribed to its type, written in the transaction of the change itself. A
 * change that rolls back sends nothing; one that commits is delivered, however long its receiver is down. Published
 * outside a transaction, an event is refused (a programming error, not a lost webhook).
 */
@Component
class WebhookEvents {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final DeliveryJobs jobs;
    private final ObjectMapper json;
    private final PublicLinks links;

    WebhookEvents(WebhookEndpoints endpoints, WebhookDeliveries deliveries, DeliveryJobs jobs, ObjectMapper json,
                  PublicLinks links) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.jobs = jobs;
        this.json = json;
        this.links = links;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RequestEvent event) {
        if (event.partners().isEmpty()) {
            return;
        }
        EventType type = EventType.of(event.type());
        List<WebhookEndpoint> receivers = endpoints.findByPartnerCodeInAndActiveTrueOrderById(event.partners()).stream()
                .filter(endpoint -> endpoint.wants(type)).toList();
        if (receivers.isEmpty()) {
            return;
        }
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        String payload = payload(eventId, type, event);
        for (WebhookEndpoint endpoint : receivers) {
            WebhookDelivery delivery = deliveries.save(new WebhookDelivery(endpoint, eventId, type, payload, event.occurredAt()));
            jobs.schedule(delivery.getId(), 1, null);
        }
    }

    /** {@code {id, type, timestamp, data: {requestKind, requestId, href, ...the event's data}}}. */
    private String payload(String eventId, EventType type, RequestEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestKind", event.requestKind());
        data.put("requestId", event.requestId());
        data.put("href", links.of("api/requests/" + event.requestKind() + "/" + event.requestId()));
        event.data().forEach(data::putIfAbsent);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", type.wireName());
        body.put("timestamp", event.occurredAt().toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException notJson) {
            throw new IllegalArgumentException("RequestEvent data must be JSON-ready: " + notJson.getMessage(), notJson);
        }
    }
}
