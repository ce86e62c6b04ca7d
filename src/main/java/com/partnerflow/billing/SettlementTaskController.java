package com.partnerflow.billing;

import static com.partnerflow.billing.SettlementProcess.*;

import java.util.List;

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

import com.partnerflow.work.DecisionOutcome;
import com.partnerflow.work.TaskDecided;
import com.partnerflow.work.TaskKind;

/**
 * The settlement's two tasks decided through {@code /api}, as their Tasklist forms send them, and finance's bulk
 * confirmation of a month's reconciliations.
 */
@RestController
@Tag(name = "Задачи")
class SettlementTaskController {

    /** A month of a large partner network fits in a few calls; one call stays well within a request's time. */
    static final int MAX_ITEMS = 500;

    private final ReconciliationDecisions decisions;

    SettlementTaskController(ReconciliationDecisions decisions) {
        this.decisions = decisions;
    }

    @PostMapping(path = "/api/tasks/{id}/reconciliation-confirmation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Finance confirms a partner's monthly reconciliation (the invoice follows) or sends it back",
            description = "Sending back needs a note for the partner (422 with the form's words).")
    TaskDecided reconciliationConfirmation(@PathVariable String id, @Valid @RequestBody ReconciliationConfirmation body) {
        return decisions.confirm(id, body.decision(), body.note());
    }

    @PostMapping(path = "/api/tasks/{id}/reconciliation-answer", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The partner answers finance's note on its reconciliation; it goes back to finance",
            description = "The reply is required (422 with the form's words).")
    TaskDecided reconciliationAnswer(@PathVariable String id, @Valid @RequestBody ReconciliationAnswer body) {
        return decisions.answer(id, body.reply());
    }

    @PostMapping(path = "/api/tasks/reconciliation-confirmations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Finance decides many reconciliations in one call, by reconciliation id",
            description = "Up to " + MAX_ITEMS + " items. Each is checked and decided on its own, in its own transaction, exactly "
                    + "as POST /api/tasks/{id}/reconciliation-confirmation would: 200 with every item's outcome, in the order "
                    + "sent; a refused item (status and Russian detail as the single call would answer) is left untouched.")
    BulkOutcome reconciliationConfirmations(@Valid @RequestBody BulkConfirmation body) {
        List<ItemOutcome> items = body.items().stream().map(item -> ItemOutcome.of(item.reconciliationId(),
                DecisionOutcome.of(() -> decisions.confirmReconciliation(item.reconciliationId(), item.decision(), item.note()))))
                .toList();
        long done = items.stream().filter(item -> item.outcome() == DecisionOutcome.Outcome.DONE).count();
        return new BulkOutcome(done, items.size() - done, items);
    }

    @Schema(description = "Решение финансовой службы по сверке (форма «Подтвердить сверку»)")
    record ReconciliationConfirmation(
            @Schema(description = "CONFIRM — подтвердить (будет выставлен счет), SEND_BACK — вернуть партнеру",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "выберите решение: подтвердить сверку или вернуть партнеру") SettlementDecision decision,
            @Schema(description = "Замечание для партнера (обязательно при возврате)", maxLength = 2000)
            @Size(max = 2000, message = "не длиннее 2000 символов") String note) {
    }

    @Schema(description = "Ответ партнера финансовой службе (форма «Ответить по сверке»)")
    record ReconciliationAnswer(
            @Schema(description = "Ответ", maxLength = 2000, requiredMode = Schema.RequiredMode.REQUIRED)
            @Size(max = 2000, message = "не длиннее 2000 символов") String reply) {
    }

    @Schema(description = "Пакет решений финансовой службы по сверкам месяца")
    record BulkConfirmation(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "передайте список решений")
            @Size(min = 1, max = MAX_ITEMS, message = "от 1 до " + MAX_ITEMS + " решений за один вызов")
            List<@Valid @NotNull(message = "пустое решение") BulkItem> items) {
    }

    @Schema(description = "Решение по одной сверке")
    record BulkItem(
            @Schema(description = "Номер сверки (GET /api/reconciliations/{id})", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "укажите номер сверки") Long reconciliationId,
            @Schema(description = "CONFIRM — подтвердить, SEND_BACK — вернуть партнеру", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "выберите решение: подтвердить сверку или вернуть партнеру") SettlementDecision decision,
            @Schema(description = "Замечание для партнера (обязательно при возврате)", maxLength = 2000)
            @Size(max = 2000, message = "не длиннее 2000 символов") String note) {
    }

    @Schema(description = "Итоги пакета: сколько решений принято и отклонено, и итог каждого в порядке запроса")
    record BulkOutcome(long done, long refused, List<ItemOutcome> items) {
    }

    @Schema(description = "Итог решения по одной сверке")
    record ItemOutcome(long reconciliationId, DecisionOutcome.Outcome outcome, int status, String detail, TaskDecided decided) {

        static ItemOutcome of(long reconciliationId, DecisionOutcome outcome) {
            return new ItemOutcome(reconciliationId, outcome.outcome(), outcome.status(), outcome.detail(), outcome.decided());
        }
    }
}
