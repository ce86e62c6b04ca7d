package com.partnerflow.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** The bodies of {@code /api/webhooks}. */
final class WebhookViews {

    private WebhookViews() {
    }

    @Schema(name = "WebhookEndpointRequest")
    record EndpointRequest(
            @Schema(description = "Адрес получателя: https, публичный хост", example = "https://crm.example.ru/hooks/partnerflow",
                    maxLength = 2000)
            @NotBlank(message = "не заполнен адрес") @Size(max = 2000, message = "адрес длиннее 2000 символов") String url,
            @Schema(description = "На какие события подписан адрес")
            @NotEmpty(message = "выберите хотя бы один тип события") Set<@NotNull EventType> eventTypes,
            @Schema(description = "Заметка для себя", example = "CRM, рабочий контур", maxLength = 500)
            @Size(max = 500, message = "описание длиннее 500 символов") String description,
            @Schema(description = "false — адрес приостановлен: новые события ему не пишутся; по умолчанию true")
            Boolean active) {

        WebhookService.EndpointCommand command() {
            return new WebhookService.EndpointCommand(url, eventTypes, description, active == null || active);
        }
    }

    @Schema(name = "WebhookEndpoint")
    record EndpointView(
            long id,
            String url,
            String description,
            List<EventType> eventTypes,
            boolean active,
            String createdBy,
            Instant createdAt,
            Instant updatedAt,
            @Schema(description = "Секрет подписи whsec_<base64>: только в ответе на создание и на смену секрета, "
                    + "больше его не показать", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret) {

        static EndpointView of(WebhookEndpoint endpoint) {
            return new EndpointView(endpoint.getId(), endpoint.getUrl(), endpoint.getDescription(),
                    endpoint.eventTypes().stream().toList(), endpoint.isActive(), endpoint.getCreatedBy(),
                    endpoint.getCreatedAt(), endpoint.getUpdatedAt(), null);
        }

        static EndpointView withSecret(WebhookEndpoint endpoint) {
            EndpointView view = of(endpoint);
            return new EndpointView(view.id, view.url, view.description, view.eventTypes, view.active, view.createdBy,
                    view.createdAt, view.updatedAt, endpoint.getSecret());
        }
    }

    @Schema(name = "WebhookDelivery")
    record DeliveryView(
            long id,
            @Schema(description = "Идентификатор события: заголовок webhook-id и поле id тела, один и тот же при повторах",
                    example = "evt_3f2b6c0e9d2a4b7c8e1f0a2b3c4d5e6f")
            String eventId,
            @Schema(description = "Тип события", example = "task.waiting") String eventType,
            @Schema(description = "PENDING — ждет попытки; DELIVERED — получатель ответил 2xx; FAILED — попытки исчерпаны "
                    + "или адрес отключен", allowableValues = {"PENDING", "DELIVERED", "FAILED"})
            String status,
            Instant created,
            @Schema(description = "Сколько попыток сделано") int attempts,
            @Schema(description = "Код ответа получателя в последней попытке, если ответ был") Integer lastStatusCode,
            @Schema(description = "Почему последняя попытка не удалась") String lastError,
            @Schema(description = "Когда будет следующая попытка (для PENDING)") Instant nextAttempt,
            Instant deliveredAt) {

        static DeliveryView of(WebhookDelivery delivery) {
            return new DeliveryView(delivery.getId(), delivery.getEventId(), delivery.getEventType(),
                    delivery.getStatus().name(), delivery.getCreatedAt(), delivery.getAttempts(), delivery.getLastStatus(),
                    delivery.getLastError(), delivery.getNextAttemptAt(), delivery.getDeliveredAt());
        }
    }
}
