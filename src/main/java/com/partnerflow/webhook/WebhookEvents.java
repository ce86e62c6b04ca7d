package com.partnerflow.webhook;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.partnerflow.notification.PublicLinks;
import com.partnerflow.system.RequestEvent;
import com.partnerflow.system.TransactionScoped;

/**
 * The outbox of webhooks: for each {@link RequestEvent}, one delivery row and its first delivery job per active
 * endpoint of the event's partners that subscribed to its type, written in the transaction of the change itself. A
 * change that rolls back sends nothing; one that commits is delivered, however long its receiver is down. Published
 * outside a transaction, an event is refused (a programming error, not a lost webhook).
 */
@Component
class WebhookEvents {

    /** The endpoints read in a transaction, by partners; bound to the transaction as a resource under this key. */
    private static final Object READ = new Object();

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
        List<WebhookEndpoint> receivers = activeEndpointsOf(Set.copyOf(event.partners())).stream()
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

    /**
     * The active endpoints of these partners, read once per transaction: one change tells its request's partners of
     * several events (created, decided, status changed, task waiting), each asked the same endpoints anew before.
     */
    private List<WebhookEndpoint> activeEndpointsOf(Set<String> partners) {
        return TransactionScoped.of(READ, () -> new HashMap<Set<String>, List<WebhookEndpoint>>())
                .map(read -> read.computeIfAbsent(partners, endpoints::findByPartnerCodeInAndActiveTrueOrderById))
                .orElseGet(() -> endpoints.findByPartnerCodeInAndActiveTrueOrderById(partners));
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
