package com.partnerflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.partnerflow.subscriber.MultiUserTier;

/**
 * The decision table {@code reporting-extension-tier} on its own, on the DMN engine: every boundary of
 * the number of users, multi-user mode on and off. The inputs are typed as the process writes them
 * ({@link ReportingProcess#MULTI_USER_MODE} a Boolean, {@link ReportingProcess#USER_COUNT} a Long).
 */
class ReportingTierDecisionTest {

    static final Path TABLE = Path.of("processes/reporting-extension-tier.dmn");

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parseTheTable() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(TABLE)) {
            decision = dmn.parseDecision(ReportingProcess.TIER_DECISION, in);
        }
    }

    @ParameterizedTest(name = "mode on, {0} users → {1}")
    @CsvSource({
            "0, TOO_FEW_USERS",
            "1, TOO_FEW_USERS",
            "2, TWO_TO_NINE",
            "3, TWO_TO_NINE",
            "9, TWO_TO_NINE",
            "10, TEN_OR_MORE",
            "11, TEN_OR_MORE",
            "500, TEN_OR_MORE",
            "1000, TEN_OR_MORE"
    })
    void picksTheTierFromTheNumberOfUsersWhenTheModeIsRequested(long users, TierRule expected) {
        assertThat(evaluate(true, users)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "mode off, {0} users → NONE")
    @ValueSource(longs = {0, 1, 2, 9, 10, 500})
    void noTierWhenTheModeIsNotRequestedWhateverTheNumberOfUsers(long users) {
        assertThat(evaluate(false, users)).isEqualTo(TierRule.NONE);
    }

    @Test
    void noTierWhenTheModeIsNotRequestedEvenWithoutACount() {
        assertThat(evaluate(Variables.createVariables().putValue(ReportingProcess.MULTI_USER_MODE.name(), false)
                .putValue(ReportingProcess.USER_COUNT.name(), null))).isEqualTo(TierRule.NONE);
    }

    @Test
    void readsTheCountAsAnIntegerAsFormsAndRestClientsSendIt() {
        assertThat(evaluate(Variables.createVariables().putValue(ReportingProcess.MULTI_USER_MODE.name(), true)
                .putValue(ReportingProcess.USER_COUNT.name(), 10))).isEqualTo(TierRule.TEN_OR_MORE);
    }

    @Test
    void isNamedAsTheProcessReferencesIt() {
        assertThat(decision.getKey()).isEqualTo(ReportingProcess.TIER_DECISION);
        assertThat(decision.isDecisionTable()).isTrue();
    }

    @Test
    void everyOutputValueOfTheTableIsATierRule() {
        DmnModelInstance model = Dmn.readModelFromFile(TABLE.toFile());
        assertThat(model.getModelElementsByType(Output.class)).singleElement()
                .satisfies(output -> assertThat(output.getName()).isEqualTo(ReportingProcess.TIER_RULE.name()));

        List<String> declared = unquoted(model.getModelElementsByType(Output.class).iterator().next()
                .getOutputValues().getTextContent().split(","));
        assertThat(declared).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(TierRule.values()).map(TierRule::name).toList());

        List<String> ruleOutcomes = unquoted(model.getModelElementsByType(OutputEntry.class).stream()
                .map(OutputEntry::getTextContent).toArray(String[]::new));
        assertThat(ruleOutcomes).hasSize(4).doesNotHaveDuplicates();
        ruleOutcomes.forEach(value -> assertThatCode(() -> TierRule.valueOf(value))
                .as("rule outcome %s", value).doesNotThrowAnyException());
    }

    @ParameterizedTest
    @EnumSource(TierRule.class)
    void everyTierRuleIsAnOutcomeOfSomeRule(TierRule rule) {
        long users = switch (rule) {
            case NONE, TOO_FEW_USERS -> 1;
            case TWO_TO_NINE -> 5;
            case TEN_OR_MORE -> 50;
        };
        assertThat(evaluate(rule != TierRule.NONE, users)).isEqualTo(rule);
    }

    @Test
    void onlyTheTwoTiersTheSeedNamesCarryATier() {
        assertThat(TierRule.NONE.tier()).isNull();
        assertThat(TierRule.TOO_FEW_USERS.tier()).isNull();
        assertThat(TierRule.TWO_TO_NINE.tier()).isEqualTo(MultiUserTier.TWO_TO_NINE);
        assertThat(TierRule.TEN_OR_MORE.tier()).isEqualTo(MultiUserTier.TEN_OR_MORE);
    }

    private static TierRule evaluate(boolean multiUserMode, long users) {
        VariableMap variables = ReportingProcess.MULTI_USER_MODE.with(multiUserMode);
        ReportingProcess.USER_COUNT.putIn(variables, users);
        return evaluate(variables);
    }

    /** Exactly one rule matches (hit policy UNIQUE); its single output is a {@link TierRule}. */
    private static TierRule evaluate(VariableMap variables) {
        DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, variables);
        assertThat(result).as("exactly one rule matches %s", variables).hasSize(1);
        Object outcome = result.getSingleResult().getSingleEntry();
        assertThat(outcome).isInstanceOf(String.class);
        return TierRule.valueOf((String) outcome);
    }

    /** FEEL string literals as written in the file, without their quotes. */
    private static List<String> unquoted(String... literals) {
        return Arrays.stream(literals).map(String::strip).map(value -> {
            assertThat(value).as("a string literal").startsWith("\"").endsWith("\"");
            return value.substring(1, value.length() - 1);
        }).toList();
    }
}
