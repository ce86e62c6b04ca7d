package com.partnerflow.moderation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.ProcessVariable;

/**
 * The API of {@code processes/configuration-moderation.bpmn}: key, element ids, the withdrawal message and the
 * typed variables, used by the listeners, delegates and tests alike. The business key is the moderation's id.
 */
public final class ConfigurationModerationProcess {

    public static final String KEY = "configuration-moderation";

    /** The partner takes the configuration back while it waits for the moderator or for its revision. */
    public static final String MESSAGE_WITHDRAWN = "ConfigurationWithdrawn";

    /** Element ids of the model. */
    public static final class Elements {
        public static final String START = "startEvent_configurationSubmitted";
        public static final String REVIEW = "userTask_reviewConfiguration";
        public static final String WITHDRAWN_DURING_REVIEW = "boundaryEvent_withdrawnDuringReview";
        public static final String REVIEW_DECISION = "gateway_reviewDecision";
        public static final String PUBLISH = "serviceTask_publishConfiguration";
        public static final String NOTIFY_PUBLISHED = "serviceTask_notifyPublished";
        public static final String END_PUBLISHED = "endEvent_configurationPublished";
        public static final String NOTIFY_REJECTED = "serviceTask_notifyRejected";
        public static final String END_REJECTED = "endEvent_configurationRejected";
        public static final String NOTIFY_CHANGES_REQUESTED = "serviceTask_notifyChangesRequested";
        public static final String REVISE = "userTask_reviseConfiguration";
        public static final String WITHDRAWN_DURING_REVISION = "boundaryEvent_withdrawnDuringRevision";
        public static final String REVISED = "gateway_revised";
        public static final String END_WITHDRAWN = "endEvent_configurationWithdrawn";

        private Elements() {
        }
    }

    /** The configuration to moderate: the start form's choice, or {@code POST /api/configurations/{id}/moderation}. */
    public static final ProcessVariable<Long> CONFIGURATION_ID = ProcessVariable.longValue("configurationId");

    /** The account a new configuration is made in, when the start form creates one instead of choosing one. */
    public static final ProcessVariable<Long> ACCOUNT_ID = ProcessVariable.longValue("accountId");

    /** The settings: read-only on the moderator's form, editable on the partner's revision form. */
    public static final ProcessVariable<String> TITLE = ProcessVariable.string("title");
    public static final ProcessVariable<String> SHORT_DESCRIPTION = ProcessVariable.string("shortDescription");
    public static final ProcessVariable<String> FULL_DESCRIPTION = ProcessVariable.string("fullDescription");
    /** A {@link Category} name; the moderator's form shows the label instead. */
    public static final ProcessVariable<String> CATEGORY = ProcessVariable.string("category");
    public static final ProcessVariable<String> INDUSTRY = ProcessVariable.string("industry");
    /** Screenshots and links, one per line. */
    public static final ProcessVariable<String> LINKS = ProcessVariable.string("links");
    public static final ProcessVariable<Boolean> FREE = ProcessVariable.bool("free");
    /** Roubles as typed: «1500», «1 500,50»; empty when free. */
    public static final ProcessVariable<String> PRICE = ProcessVariable.string("price");
    public static final ProcessVariable<String> SUPPORT_CONTACT = ProcessVariable.string("supportContact");
    /** The entities, one {@code {kind, name}} a row: the start form's list, the revision form's dynamic list. */
    public static final ProcessVariable<List<ConfigurationDraft.EntityDraft>> ENTITY_LIST =
            ProcessVariable.jsonList("entityList", ConfigurationDraft.EntityDraft.class);

    /** Written from the domain for the forms' read-only fields; steps read the business key. */
    public static final ProcessVariable<String> CATEGORY_LABEL = ProcessVariable.string("categoryLabel");
    public static final ProcessVariable<String> INDUSTRY_LABEL = ProcessVariable.string("industryLabel");
    public static final ProcessVariable<String> PRICE_LABEL = ProcessVariable.string("priceLabel");
    public static final ProcessVariable<String> ENTITIES = ProcessVariable.string("entities");
    public static final ProcessVariable<String> AUTHOR = ProcessVariable.string("author");
    public static final ProcessVariable<Long> ROUND = ProcessVariable.longValue("round");
    public static final ProcessVariable<String> CHANGES = ProcessVariable.string("changes");
    public static final ProcessVariable<String> MODERATOR_COMMENT = ProcessVariable.string("moderatorComment");

    /** The moderator's form. */
    public static final ProcessVariable<ReviewDecision> REVIEW_DECISION = ProcessVariable.enumValue("reviewDecision", ReviewDecision.class);
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.string("reviewComment");

    /** The partner's revision form. */
    public static final ProcessVariable<RevisionAction> REVISION_ACTION = ProcessVariable.enumValue("revisionAction", RevisionAction.class);

    /**
     * The settings and entities as a form sends them, unchecked: the start form that creates or edits the configuration,
     * or the revision form. Without {@link #ENTITY_LIST} (an older form, a REST client) the entities stay as they are.
     */
    public static ConfigurationDraft filledSettings(VariableScope scope) {
        Boolean free = FREE.optionalFrom(scope).orElse(null);
        // the form hides the price of a free configuration but keeps its old value
        BigDecimal price = Boolean.TRUE.equals(free) ? null : price(text(PRICE, scope));
        return new ConfigurationDraft(text(TITLE, scope), text(SHORT_DESCRIPTION, scope), text(FULL_DESCRIPTION, scope),
                text(CATEGORY, scope), text(INDUSTRY, scope), lines(text(LINKS, scope)), free, price, text(SUPPORT_CONTACT, scope),
                ENTITY_LIST.optionalFrom(scope).orElse(null));
    }

    /**
     * The settings the start form filled in, if it did: it sends them with the chosen configuration (or the account of
     * a new one). {@code POST /api/configurations/{id}/moderation} and a bare REST start send only the configuration.
     */
    public static Optional<ConfigurationDraft> settingsSentAtStart(VariableScope scope) {
        boolean filled = Stream.of(ACCOUNT_ID, TITLE, SHORT_DESCRIPTION, FULL_DESCRIPTION, CATEGORY, INDUSTRY, LINKS, FREE, PRICE,
                SUPPORT_CONTACT, ENTITY_LIST).anyMatch(variable -> scope.hasVariable(variable.name()));
        return filled ? Optional.of(filledSettings(scope)) : Optional.empty();
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** A price as people type it: spaces between thousands, a decimal comma, a currency sign. */
    static BigDecimal price(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > 40) {
            throw BusinessRuleViolation.invalid("Цена длиннее 40 символов: укажите сумму в рублях, например 1500 или 1500,50.");
        }
        String number = text.replaceAll("[\\s\\u00A0₽]|руб\\.?", "").replace(',', '.');
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException notANumber) {
            throw BusinessRuleViolation.invalid("Цена «" + text.strip() + "» — не число. Укажите сумму в рублях, например 1500 или 1500,50.");
        }
    }

    /** The variables a decision task sets; cleared when the task is created ({@code clearDecisionListener}). */
    public static List<ProcessVariable<?>> decisionOf(String taskDefinitionKey) {
        return switch (taskDefinitionKey) {
            case Elements.REVIEW -> List.of(REVIEW_DECISION, REVIEW_COMMENT);
            case Elements.REVISE -> List.of(REVISION_ACTION);
            default -> List.of();
        };
    }

    /** The id of the moderation an execution works on: the instance's business key, which no task worker can change. */
    public static long moderationId(DelegateExecution execution) {
        return Long.parseLong(execution.getProcessBusinessKey());
    }

    public static long moderationId(DelegateTask task) {
        return moderationId(task.getExecution());
    }

    private static String text(ProcessVariable<String> variable, VariableScope scope) {
        return variable.optionalFrom(scope).orElse(null);
    }

    private ConfigurationModerationProcess() {
    }
}
