package com.partnerflow.work;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One step of a request's timeline: a task someone worked on (or that waits), or what the system did that a reader
 * should know (the request submitted, a deadline passed, a message received, the request closed).
 */
@Schema(name = "TimelineStep", description = "Шаг хода запроса")
public record TimelineStep(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Type type,
        @Schema(description = "Что произошло или что поручено, по-русски", example = "Проверить письмо клиента 1001 «ООО «Ромашка»»")
        String name,
        @Schema(description = "Когда шаг начался (задача поручена, событие произошло)", requiredMode = Schema.RequiredMode.REQUIRED)
        Instant at,
        @Schema(description = "Когда задача завершена; нет у открытой задачи и у событий") Instant ended,
        @Schema(description = "Срок задачи") Instant due,
        @Schema(description = "Кто: имя человека, «система» для шагов процесса; нет у задачи, которую еще никто не взял",
                example = "Вера Смирнова (vera)") String actor,
        @Schema(description = "Вид задачи (для задач)") TaskKind taskKind,
        @Schema(description = "Идентификатор задачи (для задач)") String taskId,
        @Schema(description = "Состояние задачи: OPEN, COMPLETED или CANCELLED (срок истек, запрос отозван)") TaskState state,
        @Schema(description = "Решение задачи: значение ее перечисления решений", example = "FORWARD") String decision,
        @Schema(description = "Комментарий к решению") String comment) {

    public enum Type {
        /** The request's process started: submitted by a person, or started by a timer. */
        STARTED,
        /** A user task. */
        TASK,
        /** A timer fired: a deadline passed, a reminder went out. */
        TIMER,
        /** A message arrived: a withdrawal, say. */
        MESSAGE,
        /** The request's process (or its branch) ended. */
        ENDED
    }

    public enum TaskState {
        OPEN, COMPLETED, CANCELLED
    }

    static TimelineStep event(Type type, String name, Instant at, String actor) {
        return new TimelineStep(type, name, at, null, null, actor, null, null, null, null, null);
    }
}
