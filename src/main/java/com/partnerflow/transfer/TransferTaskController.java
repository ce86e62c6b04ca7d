package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.*;

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
import com.partnerflow.work.CompletedTask;
import com.partnerflow.work.DecidedRequest;
import com.partnerflow.work.RequestKind;
import com.partnerflow.work.TaskCompletion;
import com.partnerflow.work.TaskDecided;
import com.partnerflow.work.TaskKind;

/**
 * The transfer's four tasks decided through {@code /api}: each completes the engine task with the variables its Tasklist
 * form sends ({@link TransferProcess#decisionOf}), so the same listeners check both doors.
 */
@RestController
@Tag(name = "Задачи", description = "Typed decisions on tasks: POST /api/tasks/{id}/{decision} (docs/api.md, «Working on tasks»)")
class TransferTaskController {

    private final TaskCompletion completion;
    private final TransferService transfers;

    TransferTaskController(TaskCompletion completion, TransferService transfers) {
        this.completion = completion;
        this.transfers = transfers;
    }

    @PostMapping(path = "/api/tasks/{id}/letter-review", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Vendor staff check the client's letter: forward to the current partner, return for correction or reject",
            description = "The comment is required to return or reject (422 with the form's words).")
    TaskDecided letterReview(@PathVariable String id, @Valid @RequestBody LetterReview body) {
        VariableMap variables = LETTER_DECISION.with(body.decision());
        LETTER_COMMENT.putIn(variables, body.comment());
        return decided(completion.complete(id, TaskKind.TRANSFER_LETTER_REVIEW, variables));
    }

    @PostMapping(path = "/api/tasks/{id}/transfer-correction", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The submitting partner corrects a returned transfer and sends it again, or withdraws it",
            description = "Multipart: the fields left out keep the request's values (as the form shows them pre-filled); "
                    + "a new scan of the letter (PDF, JPEG or PNG, at most 10 MB) is optional. The same checks as a submission.")
    TaskDecided transferCorrection(@PathVariable String id, @Valid @ModelAttribute TransferCorrection body) {
        return decided(completion.complete(id, TaskKind.TRANSFER_CORRECTION, body.variables()));
    }

    @PostMapping(path = "/api/tasks/{id}/transfer-agreement", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The current partner agrees to its client's transfer or objects to it",
            description = "An objection sends the transfer to vendor staff; give the reason in the comment.")
    TaskDecided transferAgreement(@PathVariable String id, @Valid @RequestBody TransferAgreement body) {
        VariableMap variables = PARTNER_ANSWER.with(body.decision());
        PARTNER_COMMENT.putIn(variables, body.comment());
        return decided(completion.complete(id, TaskKind.TRANSFER_AGREEMENT, variables));
    }

    @PostMapping(path = "/api/tasks/{id}/transfer-decision", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Vendor staff decide a disputed or unanswered transfer",
            description = "A rejection needs the reason in the comment (422 with the form's words); the submitter receives it.")
    TaskDecided transferDecision(@PathVariable String id, @Valid @RequestBody TransferDecision body) {
        VariableMap variables = VENDOR_DECISION.with(body.decision());
        VENDOR_COMMENT.putIn(variables, body.comment());
        return decided(completion.complete(id, TaskKind.TRANSFER_VENDOR_DECISION, variables));
    }

    private TaskDecided decided(CompletedTask task) {
        long transferId = task.requestId();
        return task.decided(DecidedRequest.of(RequestKind.TRANSFERS, transferId, transfers.byId(transferId).getStatus()));
    }

    @Schema(description = "Решение по письму клиента (форма «Проверить письмо клиента»)")
    record LetterReview(
            @Schema(description = "FORWARD — передать текущему партнеру, RETURN — вернуть на исправление, REJECT — отклонить",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "выберите решение по письму") LetterDecision decision,
            @Schema(description = "Комментарий (обязателен при возврате и отклонении)", maxLength = 2000)
            @Size(max = 2000, message = "не длиннее 2000 символов") String comment) {
    }

    @Schema(description = "Ответ текущего партнера на перевод его абонента (форма «Согласовать перевод абонента»)")
    record TransferAgreement(
            @Schema(description = "AGREE — согласен, OBJECT — возражает", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "выберите ответ: согласны или возражаете") PartnerAnswer decision,
            @Schema(description = "Комментарий (при возражении укажите причину)", maxLength = 2000)
            @Size(max = 2000, message = "не длиннее 2000 символов") String comment) {
    }

    @Schema(description = "Решение сотрудников фирмы по спорному или неотвеченному переводу")
    record TransferDecision(
            @Schema(description = "APPROVE — одобрить перевод, REJECT — отклонить", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "выберите решение: одобрить или отклонить перевод") VendorDecision decision,
            @Schema(description = "Комментарий (при отклонении — причина, ее получит подавший партнер)", maxLength = 2000)
            @Size(max = 2000, message = "не длиннее 2000 символов") String comment) {
    }

    /** The correction form's fields; those left out keep the request's values, as the form shows them pre-filled. */
    @Schema(description = "Исправление возвращенного запроса или его отзыв (форма «Исправить запрос на перевод»)")
    record TransferCorrection(
            @Schema(description = "RESUBMIT — исправить и отправить снова, WITHDRAW — отозвать запрос",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "выберите, что сделать с запросом") CorrectionAction decision,
            @Schema(description = "Наименование абонента, как в письме", maxLength = 255)
            @Size(max = 255, message = "не длиннее 255 символов") String subscriberName,
            @Schema(description = "Партнер, к которому клиент просит перевести, как в письме", maxLength = 255)
            @Size(max = 255, message = "не длиннее 255 символов") String requestedPartnerName,
            @Schema(description = "Код этого партнера, если он указан в письме", maxLength = 32)
            @Size(max = 32, message = "не длиннее 32 символов") String requestedPartnerCode,
            @Schema(description = "Причина перехода", maxLength = 2000)
            @Size(max = 2000, message = "не длиннее 2000 символов") String reason,
            @Schema(description = "Дата письма, ГГГГ-ММ-ДД", example = "2026-11-20")
            @Size(max = 10, message = "дата в виде ГГГГ-ММ-ДД") String letterDate,
            @Schema(description = "Новый скан письма (PDF, JPEG или PNG, не больше 10 МБ), необязательно") MultipartFile letter) {

        VariableMap variables() {
            VariableMap variables = CORRECTION_ACTION.with(decision);
            SUBSCRIBER_NAME.putIfGiven(variables, subscriberName);
            REQUESTED_PARTNER_NAME.putIfGiven(variables, requestedPartnerName);
            REQUESTED_PARTNER_CODE.putIfGiven(variables, requestedPartnerCode);
            REASON.putIfGiven(variables, reason);
            LETTER_DATE.putIfGiven(variables, letterDate);
            return LETTER.putIn(variables, Upload.of(letter));
        }
    }
}
