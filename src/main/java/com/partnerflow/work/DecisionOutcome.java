package com.partnerflow.work;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swagger.v3.oas.annotations.media.Schema;

import com.partnerflow.system.BusinessRuleViolation;

/**
 * What became of one decision of a bulk call: done, or refused with the status and the Russian words the single
 * endpoint would have answered. A refused decision changed nothing (its transaction rolled back alone).
 */
@Schema(description = "Итог одного решения из пакета")
public record DecisionOutcome(
        @Schema(description = "DONE — решение принято, REFUSED — отклонено, ничего не изменено") Outcome outcome,
        @Schema(description = "HTTP-статус, которым ответил бы одиночный вызов", example = "200") int status,
        @Schema(description = "Причина отказа, по-русски; нет у принятого решения") String detail,
        @Schema(description = "Принятое решение; нет у отклоненного") TaskDecided decided) {

    private static final Logger log = LoggerFactory.getLogger(DecisionOutcome.class);

    public enum Outcome {
        DONE,
        REFUSED
    }

    /** Runs one decision and records its outcome; a failure is reported, never thrown, so the next decision runs. */
    public static DecisionOutcome of(Supplier<TaskDecided> decision) {
        try {
            return new DecisionOutcome(Outcome.DONE, 200, null, decision.get());
        } catch (BusinessRuleViolation refused) {
            return new DecisionOutcome(Outcome.REFUSED, statusOf(refused.kind()), refused.getMessage(), null);
        } catch (RuntimeException failed) {
            log.error("One decision of a bulk call failed unexpectedly", failed);
            return new DecisionOutcome(Outcome.REFUSED, 500, "Внутренняя ошибка сервера: решение не принято. Повторите его позже.", null);
        }
    }

    private static int statusOf(BusinessRuleViolation.Kind kind) {
        return switch (kind) {
            case INVALID -> 422;
            case CONFLICT -> 409;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
        };
    }
}
