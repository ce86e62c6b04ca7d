package com.partnerflow.developer;

import static com.partnerflow.developer.DeveloperAuthorizationProcess.*;

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

import com.partnerflow.work.DecidedRequest;
import com.partnerflow.work.RequestKind;
import com.partnerflow.work.TaskCompletion;
import com.partnerflow.work.TaskDecided;
import com.partnerflow.work.TaskKind;

/** Vendor staff's decision on a developer-authorization request through {@code /api}, as its Tasklist form sends it. */
@RestController
@Tag(name = "Задачи")
class DeveloperTaskController {

    private final TaskCompletion completion;
    private final DeveloperAuthorizationService authorizations;

    DeveloperTaskController(TaskCompletion completion, DeveloperAuthorizationService authorizations) {
        this.completion = completion;
        this.authorizations = authorizations;
    }

    @PostMapping(path = "/api/tasks/{id}/developer-review", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Vendor staff authorize a partner's employee to develop extensions, or refuse",
            description = "A refusal needs its reason in the comment (422 with the form's words).")
    TaskDecided developerReview(@PathVariable String id, @Valid @RequestBody DeveloperReview body) {
        VariableMap variables = DECISION.with(body.decision());
        DECISION_COMMENT.putIn(variables, body.comment());
        var task = completion.complete(id, TaskKind.DEVELOPER_REVIEW, variables);
        long authorizationId = task.requestId();
        return task.decided(DecidedRequest.of(RequestKind.DEVELOPER_AUTHORIZATIONS, authorizationId, authorizations.byId(authorizationId).getStatus()));
    }

    @Schema(description = "Решение по запросу на авторизацию разработчика (форма «Рассмотреть запрос на авторизацию»)")
    record DeveloperReview(
            @Schema(description = "APPROVE — авторизовать, REJECT — отказать", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "выберите решение") AuthorizationDecision decision,
            @Schema(description = "Причина отказа (обязательна при отказе) или комментарий к авторизации", maxLength = 2000)
            @Size(max = 2000, message = "не длиннее 2000 символов") String comment) {
    }
}
