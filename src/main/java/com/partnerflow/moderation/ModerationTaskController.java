package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationModerationProcess.*;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.work.CompletedTask;
import com.partnerflow.work.DecidedRequest;
import com.partnerflow.work.RequestKind;
import com.partnerflow.work.TaskCompletion;
import com.partnerflow.work.TaskDecided;
import com.partnerflow.work.TaskKind;

/** The moderation's two tasks decided through {@code /api}, as their Tasklist forms send them. */
@RestController
@Tag(name = "Задачи")
class ModerationTaskController {

    private final TaskCompletion completion;
    private final ModerationService moderations;

    ModerationTaskController(TaskCompletion completion, ModerationService moderations) {
        this.completion = completion;
        this.moderations = moderations;
    }

    @PostMapping(path = "/api/tasks/{id}/configuration-review", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A moderator approves (publishes), asks for changes or rejects a configuration",
            description = "Asking for changes or rejecting needs a comment for the partner (422 with the form's words).")
    TaskDecided configurationReview(@PathVariable String id, @Valid @RequestBody ConfigurationReview body) {
        VariableMap variables = REVIEW_DECISION.with(body.decision());
        REVIEW_COMMENT.putIn(variables, body.comment());
        return decided(completion.complete(id, TaskKind.CONFIGURATION_REVIEW, variables));
    }

    @PostMapping(path = "/api/tasks/{id}/configuration-revision", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The partner sends its revised configuration to moderation again, or withdraws it",
            description = "The configuration is sent as it is now: edit it first with PUT /api/configurations/{id}, which also "
                    + "refills this task's form. The same checks as the form (every settings field filled, at least one entity).")
    TaskDecided configurationRevision(@PathVariable String id, @Valid @RequestBody ConfigurationRevision body) {
        return decided(completion.complete(id, TaskKind.CONFIGURATION_REVISION, REVISION_ACTION.with(body.decision())));
    }

    private TaskDecided decided(CompletedTask task) {
        Configuration configuration = moderations.byId(task.requestId()).getConfiguration();
        return task.decided(DecidedRequest.of(RequestKind.CONFIGURATIONS, configuration.getId(), configuration.getStatus()));
    }

    @Schema(description = "Решение модератора в раунде модерации (форма «Проверить конфигурацию»)")
    record ConfigurationReview(
            @Schema(description = "APPROVE — одобрить и опубликовать, REQUEST_CHANGES — вернуть на доработку, REJECT — отклонить",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "выберите решение") ReviewDecision decision,
            @Schema(description = "Комментарий партнеру (обязателен при возврате на доработку и отклонении)", maxLength = 2000)
            @Size(max = 2000, message = "не длиннее 2000 символов") String comment) {
    }

    @Schema(description = "Ответ партнера на просьбу модератора доработать конфигурацию (форма «Доработать конфигурацию»)")
    record ConfigurationRevision(
            @Schema(description = "RESUBMIT — отправить на модерацию снова, WITHDRAW — отозвать с модерации",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "выберите, что сделать с конфигурацией") RevisionAction decision) {
    }
}
