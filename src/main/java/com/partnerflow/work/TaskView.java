package com.partnerflow.work;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** One open task in {@code GET /api/tasks}; {@code GET /api/tasks/{id}} adds {@code documents} and {@code timeline}. */
@Schema(name = "Task", description = "Открытая задача, которую вызывающий может выполнить")
public record TaskView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
        @Schema(description = "Вид задачи") TaskKind kind,
        @Schema(description = "Что поручено, по-русски", example = "Согласовать перевод абонента 1004 «АО «Север»»") String name,
        @Schema(description = "Подробно: что просят, к какому сроку и что будет без ответа") String description,
        @Schema(description = "Запрос, к которому относится задача") RequestOfTask request,
        Instant created,
        @Schema(description = "Срок; нет, если срока нет") Instant due,
        @Schema(description = "Кто взял задачу в работу (логин); нет, если никто") String claimedBy,
        @Schema(example = "Анна Петрова (anna)") String claimedByName,
        @Schema(description = "Задача в Tasklist") String tasklist,
        @Schema(description = "Куда отправить решение: POST", example = "/api/tasks/42/transfer-agreement") String decision,
        @Schema(description = "Документы запроса, нужные для решения (только в GET /api/tasks/{id}): имя → ссылка") Map<String, String> documents,
        @Schema(description = "Ход запроса (только в GET /api/tasks/{id})") String timeline) {

    /** The request a task belongs to, as the index knows it. */
    @Schema(name = "TaskRequest")
    public record RequestOfTask(RequestKind kind, String id, String subscriber, String subscriberName, List<String> partners,
                         @Schema(description = "Ссылка на сам запрос", example = "/api/transfers/7") String href) {
    }

    TaskView withDetails(Map<String, String> documents, String timeline) {
        return new TaskView(id, kind, name, description, request, created, due, claimedBy, claimedByName, tasklist, decision,
                documents, timeline);
    }
}
