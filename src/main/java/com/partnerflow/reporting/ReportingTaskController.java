package com.partnerflow.reporting;

import static com.partnerflow.reporting.ReportingProcess.*;

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

import com.partnerflow.subscriber.MultiUserTier;
import com.partnerflow.work.DecidedRequest;
import com.partnerflow.work.RequestKind;
import com.partnerflow.work.TaskCompletion;
import com.partnerflow.work.TaskDecided;
import com.partnerflow.work.TaskKind;

/** The servicing partner's decision on a reporting application through {@code /api}, as its Tasklist form sends it. */
@RestController
@Tag(name = "Задачи")
class ReportingTaskController {

    private final TaskCompletion completion;
    private final ReportingService applications;

    ReportingTaskController(TaskCompletion completion, ReportingService applications) {
        this.completion = completion;
        this.applications = applications;
    }

    @PostMapping(path = "/api/tasks/{id}/application-processing", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The servicing partner approves or rejects a client's application for multi-user mode",
            description = "multiUserMode and tier left out keep the application's values (the form shows them pre-filled); "
                    + "the partner may switch the mode and change the tier, never the users. A rejection needs its reason (422).")
    TaskDecided applicationProcessing(@PathVariable String id, @Valid @RequestBody ApplicationProcessing body) {
        VariableMap variables = APPLICATION_DECISION.with(body.decision());
        MULTI_USER_MODE.putIfGiven(variables, body.multiUserMode());
        TIER.putIfGiven(variables, body.tier());
        REJECTION_REASON.putIn(variables, body.rejectionReason());
        var task = completion.complete(id, TaskKind.APPLICATION_PROCESSING, variables);
        long applicationId = task.requestId();
        return task.decided(DecidedRequest.of(RequestKind.REPORTING_APPLICATIONS, applicationId, applications.byId(applicationId).getStatus()));
    }

    @Schema(description = "Решение партнера по заявлению на 1С-Отчетность (форма «Обработать заявление»)")
    record ApplicationProcessing(
            @Schema(description = "APPROVE — одобрить, REJECT — отклонить", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "выберите решение по заявлению") ApplicationDecision decision,
            @Schema(description = "Многопользовательский режим; если не передан — как в заявлении") Boolean multiUserMode,
            @Schema(description = "Вид расширения при многопользовательском режиме; если не передан — как определено по заявлению")
            MultiUserTier tier,
            @Schema(description = "Причина отказа (обязательна при отклонении)", maxLength = 2000)
            @Size(max = 2000, message = "не длиннее 2000 символов") String rejectionReason) {
    }
}
