package com.partnerflow.partner;

import static com.partnerflow.partner.PartnerProfileChangeProcess.*;

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

/** Vendor staff's decision on a partner's request to change its details through {@code /api}, as its Tasklist form sends it. */
@RestController
@Tag(name = "Задачи")
class ProfileChangeTaskController {

    private final TaskCompletion completion;
    private final ProfileChangeService changes;

    ProfileChangeTaskController(TaskCompletion completion, ProfileChangeService changes) {
        this.completion = completion;
        this.changes = changes;
    }

    @PostMapping(path = "/api/tasks/{id}/profile-change-review", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Vendor staff change a partner's details as it asked, or refuse",
            description = "A refusal needs its reason in the comment (422 with the form's words). An approval is applied by the "
                    + "process's next step: the request reads APPROVED, then APPLIED.")
    TaskDecided profileChangeReview(@PathVariable String id, @Valid @RequestBody ProfileChangeReview body) {
        VariableMap variables = DECISION.with(body.decision());
        DECISION_COMMENT.putIn(variables, body.comment());
        var task = completion.complete(id, TaskKind.PROFILE_CHANGE_REVIEW, variables);
        long changeId = task.requestId();
        return task.decided(DecidedRequest.of(RequestKind.PROFILE_CHANGES, changeId, changes.byId(changeId).getStatus()));
    }

    @Schema(description = "Решение по запросу партнера на изменение данных (форма «Рассмотреть изменение данных партнера»)")
    record ProfileChangeReview(
            @Schema(description = "APPROVE — изменить данные, REJECT — отказать", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "выберите решение") ProfileChangeDecision decision,
            @Schema(description = "Причина отказа (обязательна при отказе) или комментарий к изменению", maxLength = 2000)
            @Size(max = 2000, message = "не длиннее 2000 символов") String comment) {
    }
}
