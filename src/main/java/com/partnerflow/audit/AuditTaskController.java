package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionAuditProcess.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.document.Upload;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.work.CompletedTask;
import com.partnerflow.work.DecidedRequest;
import com.partnerflow.work.RequestKind;
import com.partnerflow.work.TaskCompletion;
import com.partnerflow.work.TaskDecided;
import com.partnerflow.work.TaskKind;

/** The extension audit's three tasks decided through {@code /api}, as their Tasklist forms send them. */
@RestController
@Tag(name = "Задачи")
class AuditTaskController {

    private final TaskCompletion completion;
    private final ExtensionService extensions;

    AuditTaskController(TaskCompletion completion, ExtensionService extensions) {
        this.completion = completion;
        this.extensions = extensions;
    }

    @PostMapping(path = "/api/tasks/{id}/version-audit", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The auditor records the findings per category and approves, requires changes or rejects a version",
            description = "A category left out of findings has none. A finding needs its note; a critical one forbids approval; "
                    + "a rejection needs a comment (422 with the form's words).")
    TaskDecided versionAudit(@PathVariable String id, @Valid @RequestBody VersionAudit body) {
        return decided(completion.complete(id, TaskKind.VERSION_AUDIT, body.variables()));
    }

    @PostMapping(path = "/api/tasks/{id}/overdue-audit-review", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An audit lead notes what was done about an overdue audit; the audit itself stays open")
    TaskDecided overdueAuditReview(@PathVariable String id, @Valid @RequestBody OverdueAuditReview body) {
        return decided(completion.complete(id, TaskKind.OVERDUE_AUDIT_REVIEW, LEAD_NOTE.with(body.note())));
    }

    @PostMapping(path = "/api/tasks/{id}/version-revision", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The partner resubmits a version the auditor sent back, with a new file, or withdraws it",
            description = "Multipart: versionNumber and changeNotes left out keep the version's values (the form shows them "
                    + "pre-filled); the new file is required to resubmit (at most 50 MB).")
    TaskDecided versionRevision(@PathVariable String id, @Valid @ModelAttribute VersionRevision body) {
        VariableMap variables = REVISION_DECISION.with(body.decision());
        VERSION_NUMBER.putIfGiven(variables, body.versionNumber());
        CHANGE_NOTES.putIfGiven(variables, body.changeNotes());
        return decided(completion.complete(id, TaskKind.VERSION_REVISION, FILE.putIn(variables, Upload.of(body.file()))));
    }

    private TaskDecided decided(CompletedTask task) {
        long versionId = task.requestId();
        return task.decided(DecidedRequest.of(RequestKind.EXTENSION_VERSIONS, versionId, extensions.byId(versionId).getStatus()));
    }

    @Schema(description = "Итог аудита версии доработки (форма «Провести аудит версии»)")
    record VersionAudit(
            @Schema(description = "APPROVE — одобрить, REQUIRE_CHANGES — вернуть на исправление, REJECT — отклонить",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "выберите решение") AuditDecision decision,
            @Schema(description = "Замечания по разделам; раздел без замечаний не указывается")
            @Size(max = 5, message = "не больше одного замечания на раздел") List<@Valid @NotNull(message = "пустое замечание") FindingNote> findings,
            @Schema(description = "Комментарий (обязателен при отклонении)", maxLength = 2000)
            @Size(max = 2000, message = "не длиннее 2000 символов") String comment) {

        /** As the form sends them: a severity for every category ({@code NONE} without a finding), a note for each finding. */
        VariableMap variables() {
            Map<FindingCategory, FindingNote> byCategory = new EnumMap<>(FindingCategory.class);
            for (FindingNote finding : findings == null ? List.<FindingNote>of() : findings) {
                if (byCategory.put(finding.category(), finding) != null) {
                    throw BusinessRuleViolation.invalid("Раздел «" + finding.category().label() + "» указан в замечаниях дважды: "
                            + "объедините замечания раздела в одно.");
                }
            }
            VariableMap variables = AUDIT_DECISION.with(decision);
            AUDIT_COMMENT.putIn(variables, comment);
            for (FindingCategory category : FindingCategory.values()) {
                FindingNote finding = byCategory.get(category);
                SEVERITY.get(category).putIn(variables, finding == null ? NO_FINDING : finding.severity().name());
                NOTE.get(category).putIfGiven(variables, finding == null ? null : finding.note());
            }
            return variables;
        }
    }

    @Schema(description = "Замечание аудитора по одному разделу")
    record FindingNote(
            @Schema(description = "Раздел", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "укажите раздел замечания") FindingCategory category,
            @Schema(description = "Серьезность", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "укажите серьезность замечания") FindingSeverity severity,
            @Schema(description = "Текст замечания", maxLength = 2000, requiredMode = Schema.RequiredMode.REQUIRED)
            @Size(max = 2000, message = "не длиннее 2000 символов") String note) {
    }

    @Schema(description = "Заметка руководителя аудита о просроченном аудите (форма «Аудит просрочен»)")
    record OverdueAuditReview(
            @Schema(description = "Что предпринято", maxLength = 2000)
            @Size(max = 2000, message = "не длиннее 2000 символов") String note) {
    }

    /** The revision form's fields; those left out keep the version's values, as the form shows them pre-filled. */
    @Schema(description = "Исправленная версия после аудита или ее отзыв (форма «Исправить версию»)")
    record VersionRevision(
            @Schema(description = "RESUBMIT — отправить исправленную версию на аудит, WITHDRAW — отозвать версию",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "выберите, что сделать с версией") RevisionDecision decision,
            @Schema(description = "Номер версии; можно оставить прежний", maxLength = 40)
            @Size(max = 40, message = "не длиннее 40 символов") String versionNumber,
            @Schema(description = "Описание изменений", maxLength = 4000)
            @Size(max = 4000, message = "не длиннее 4000 символов") String changeNotes,
            @Schema(description = "Новый файл доработки (обязателен при повторной отправке)") MultipartFile file) {
    }
}
