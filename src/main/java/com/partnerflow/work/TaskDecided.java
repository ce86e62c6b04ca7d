package com.partnerflow.work;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of every decision endpoint {@code POST /api/tasks/{id}/{decision}}: the task is completed. */
@Schema(description = "Задача выполнена: решение принято так же, как формой Tasklist")
public record TaskDecided(
        @Schema(description = "Идентификатор выполненной задачи") String taskId,
        @Schema(description = "Вид задачи") TaskKind kind,
        DecidedRequest request) {
}
