package com.partnerflow.work;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

/** One request in {@code GET /api/requests}. */
@Schema(name = "Request", description = "Запрос любого вида, в котором участвует партнер (или клиент) вызывающего")
public record RequestView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) RequestKind kind,
        @Schema(description = "Вид запроса по-русски", example = "Перевод абонента") String kindName,
        @Schema(description = "Номер запроса в его виде", example = "7", requiredMode = Schema.RequiredMode.REQUIRED) String id,
        @Schema(description = "Номер абонента, о котором запрос; нет у сверок, конфигураций, авторизаций", example = "1001") String subscriber,
        @Schema(example = "ООО «Ромашка»") String subscriberName,
        @Schema(description = "Коды партнеров, которых касается запрос", example = "[\"ALFA\", \"BETA\"]") List<String> partners,
        @Schema(description = "Статус: имя значения перечисления статусов своего вида", example = "AWAITING_CURRENT_PARTNER",
                requiredMode = Schema.RequiredMode.REQUIRED) String status,
        @Schema(example = "Ждет согласия текущего партнера") String statusLabel,
        @Schema(description = "Текущий шаг: названия открытых задач; нет, когда ничего не ждет") String currentStep,
        @Schema(description = "Кто должен действовать") Set<Party> waitingFor,
        @Schema(description = "Срок ближайшей открытой задачи") Instant due,
        Instant created,
        Instant updated,
        @Schema(description = "Ссылка на сам запрос", example = "/api/transfers/7") String href,
        @Schema(description = "Ссылка на ход запроса", example = "/api/requests/transfers/7/timeline") String timeline) {

    static RequestView of(IndexedRequest row, RequestRegistry registry) {
        return new RequestView(row.getKind(), registry.of(row.getKind()).name(), row.getRequestId(), row.getSubscriberNumber(),
                row.getSubscriberName(), row.partners().stream().sorted().toList(), row.getStatus(), row.getStatusLabel(),
                row.getCurrentStep(), row.getWaitingFor(), row.getDueAt(), row.getCreatedAt(), row.getUpdatedAt(), row.getHref(),
                "/api/requests/" + row.getKind().path() + "/" + row.getRequestId() + "/timeline");
    }
}
