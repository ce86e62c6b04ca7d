package com.partnerflow.webhook;

import com.fasterxml.jackson.annotation.JsonValue;

import io.swagger.v3.oas.annotations.media.Schema;

import com.partnerflow.system.RequestEvent;

/** The events an endpoint may subscribe to, by their wire names: those of {@link RequestEvent.Type}. */
@Schema(description = "Тип события: request.created — заявка создана; request.status_changed — статус заявки изменился; "
        + "task.waiting — задача ждет партнера; task.decision_made — по задаче принято решение")
public enum EventType {
    REQUEST_CREATED(RequestEvent.Type.REQUEST_CREATED, "Заявка создана"),
    STATUS_CHANGED(RequestEvent.Type.STATUS_CHANGED, "Статус заявки изменился"),
    TASK_WAITING(RequestEvent.Type.TASK_WAITING, "Задача ждет партнера"),
    DECISION_MADE(RequestEvent.Type.DECISION_MADE, "По задаче принято решение");

    private final RequestEvent.Type type;
    private final String label;

    EventType(RequestEvent.Type type, String label) {
        this.type = type;
        this.label = label;
    }

    /** What the portal shows. */
    public String label() {
        return label;
    }

    @JsonValue
    public String wireName() {
        return type.wireName();
    }

    static EventType of(RequestEvent.Type type) {
        return valueOf(type.name());
    }

    static EventType ofWireName(String wireName) {
        for (EventType eventType : values()) {
            if (eventType.wireName().equals(wireName)) {
                return eventType;
            }
        }
        throw new IllegalArgumentException("Unknown event type " + wireName);
    }
}
