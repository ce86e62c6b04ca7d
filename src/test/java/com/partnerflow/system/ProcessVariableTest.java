package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.pvm.runtime.ExecutionImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Typed process variables against the engine's own in-memory variable scope (no engine, no database). */
class ProcessVariableTest {

    enum Colour { RED, GREEN }

    static final ProcessVariable<String> NAME = ProcessVariable.string("subscriberName");
    static final ProcessVariable<Long> ID = ProcessVariable.longValue("transferId");
    static final ProcessVariable<Colour> COLOUR = ProcessVariable.enumValue("colour", Colour.class);
    static final ProcessVariable<Boolean> FLAG = ProcessVariable.bool("multiUserMode");

    /** A row of a Camunda Form's dynamic list. */
    public record Row(String name, String email) {
    }

    static final ProcessVariable<List<Row>> ROWS = ProcessVariable.jsonList("users", Row.class);
    static final List<Row> TWO_ROWS = List.of(new Row("Иванов Иван", "ivanov@romashka.ru"), new Row("Петрова Анна", "petrova@romashka.ru"));

    /** The in-memory execution of the engine's PVM: a real VariableScope that needs no command context. */
    final VariableScope scope = new ExecutionImpl();

    @Test
    void aStringGoesInAndComesOutUnchanged() {
        NAME.on(scope, "ООО «Ромашка»");

        assertThat(NAME.from(scope)).isEqualTo("ООО «Ромашка»");
        assertThat(scope.getVariable("subscriberName")).isEqualTo("ООО «Ромашка»");
    }

    @Test
    void aLongIsStoredAsALong() {
        ID.on(scope, 42L);

        assertThat(ID.from(scope)).isEqualTo(42L);
        assertThat(scope.getVariable("transferId")).isInstanceOf(Long.class);
    }

    @Test
    void anEnumIsStoredByItsName() {
        COLOUR.on(scope, Colour.GREEN);

        assertThat(scope.getVariable("colour")).isEqualTo("GREEN");
        assertThat(COLOUR.from(scope)).isEqualTo(Colour.GREEN);
    }

    @Test
    void aLongIsReadFromAnIntegerAsFormsAndRestClientsSendIt() {
        scope.setVariable("transferId", 42);

        assertThat(ID.from(scope)).isEqualTo(42L);
    }

    @Test
    void aStringIsReadFromAnyValue() {
        scope.setVariable("subscriberName", 1001);

        assertThat(NAME.from(scope)).isEqualTo("1001");
    }

    @Test
    void binaryContentIsNotTextAndNoJvmIdentityLeaksIntoTheMessage() {
        scope.setVariable("subscriberName", new byte[] {1, 2, 3});

        assertThatThrownBy(() -> NAME.from(scope)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("«subscriberName» должно быть текстом").hasMessageNotContaining("[B@");
        scope.setVariable("transferId", new byte[] {1});
        assertThatThrownBy(() -> ID.from(scope)).isInstanceOf(BusinessRuleViolation.class).hasMessageNotContaining("[B@");
        scope.setVariable("colour", new java.io.ByteArrayInputStream(new byte[] {1}));
        assertThatThrownBy(() -> COLOUR.from(scope)).isInstanceOf(BusinessRuleViolation.class).hasMessageNotContaining("@");
        scope.setVariable("multiUserMode", new byte[] {1});
        assertThatThrownBy(() -> FLAG.from(scope)).isInstanceOf(BusinessRuleViolation.class).hasMessageNotContaining("[B@");
    }

    @Test
    void aMissingVariableIsAnErrorNamingIt() {
        assertThatIllegalStateException().isThrownBy(() -> ID.from(scope))
                .withMessage("Process variable 'transferId' is not set");
        assertThatIllegalStateException().isThrownBy(() -> COLOUR.from(scope)).withMessageContaining("'colour'");
    }

    @Test
    void aMissingOrNullVariableIsAnEmptyOptional() {
        scope.setVariable("subscriberName", null);

        assertThat(NAME.optionalFrom(scope)).isEmpty();
        assertThat(ID.optionalFrom(scope)).isEmpty();
        assertThat(COLOUR.optionalFrom(scope)).isEmpty();
    }

    @Test
    void anUnknownEnumConstantIsRefused() {
        scope.setVariable("colour", "BLUE");

        // a BusinessRuleViolation: /engine-rest answers 422 with the Russian message, not a 500 naming our classes
        assertThatExceptionOfType(BusinessRuleViolation.class).isThrownBy(() -> COLOUR.from(scope))
                .withMessageContaining("BLUE")
                .satisfies(violation -> assertThat(violation.kind()).isEqualTo(BusinessRuleViolation.Kind.INVALID));
    }

    @Test
    void buildsVariableMapsWithEnginePrimitives() {
        VariableMap variables = COLOUR.with(Colour.RED);
        ID.putIn(variables, 7L);

        assertThat(variables).containsExactlyInAnyOrderEntriesOf(Map.of("colour", "RED", "transferId", 7L));
    }

    @Test
    void nullIsStoredAsANullValueWhateverTheType() {
        COLOUR.on(scope, null);
        FLAG.on(scope, null);
        ROWS.on(scope, null);
        assertThat(scope.getVariables()).containsOnlyKeys("colour", "multiUserMode", "users").containsValue(null);
        assertThat(COLOUR.optionalFrom(scope)).isEmpty();
        assertThat(ROWS.optionalFrom(scope)).isEmpty();

        VariableMap variables = COLOUR.with(null);
        ID.putIn(variables, null);
        FLAG.putIn(variables, null);
        assertThat(variables).containsOnlyKeys("colour", "transferId", "multiUserMode");
        assertThat(variables.values()).containsOnlyNulls();
    }

    @Test
    void isNamedAfterItsVariable() {
        assertThat(ID.name()).isEqualTo("transferId");
        assertThat(COLOUR).hasToString("colour");
    }

    @Test
    void aBooleanIsStoredAsABoolean() {
        FLAG.on(scope, true);

        assertThat(scope.getVariable("multiUserMode")).isEqualTo(Boolean.TRUE);
        assertThat(FLAG.from(scope)).isTrue();
        FLAG.on(scope, false);
        assertThat(FLAG.from(scope)).isFalse();
        assertThat(FLAG.with(true)).containsExactlyEntriesOf(Map.of("multiUserMode", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", " true "})
    void aBooleanIsReadFromTheTextTrueAsRestClientsSendIt(String text) {
        scope.setVariable("multiUserMode", text);

        assertThat(FLAG.from(scope)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "False", "false\n"})
    void aBooleanIsReadFromTheTextFalseAsRestClientsSendIt(String text) {
        scope.setVariable("multiUserMode", text);

        assertThat(FLAG.from(scope)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "yes", "no", "1", "0", "on", "да", "truefalse"})
    void anyOtherTextIsNotABoolean(String text) {
        scope.setVariable("multiUserMode", text);

        assertThatThrownBy(() -> FLAG.from(scope)).isInstanceOfSatisfying(BusinessRuleViolation.class,
                violation -> assertThat(violation.kind()).isEqualTo(BusinessRuleViolation.Kind.INVALID))
                .hasMessageContaining("«да» или «нет»");
        assertThatThrownBy(() -> FLAG.optionalFrom(scope)).isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void aNumberIsNotABooleanEither() {
        scope.setVariable("multiUserMode", 1);

        assertThatThrownBy(() -> FLAG.from(scope)).isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void aMissingBooleanIsAnEmptyOptional() {
        assertThat(FLAG.optionalFrom(scope)).isEmpty();
        scope.setVariable("multiUserMode", null);
        assertThat(FLAG.optionalFrom(scope)).isEmpty();
    }

    @Test
    void aListIsWrittenAsASpinJsonValue() {
        VariableMap variables = ROWS.with(TWO_ROWS);

        TypedValue users = variables.getValueTyped("users");
        assertThat(users).isInstanceOfSatisfying(JsonValue.class, json -> {
            assertThat(json.getType()).isEqualTo(SpinValueType.JSON);
            assertThat(json.getValueSerialized()).isEqualTo("[{\"name\":\"Иванов Иван\",\"email\":\"ivanov@romashka.ru\"},"
                    + "{\"name\":\"Петрова Анна\",\"email\":\"petrova@romashka.ru\"}]");
        });
        TypedValue empty = ROWS.putIn(NAME.with("x"), List.of()).getValueTyped("users");
        assertThat(empty).isInstanceOf(JsonValue.class);
    }

    @Test
    void aListGoesInAndComesOutUnchanged() {
        JsonValue written = ROWS.with(TWO_ROWS).getValueTyped("users");
        // what the engine's Spin plugin hands back for a JSON variable: the parsed node
        scope.setVariable("users", Spin.JSON(written.getValueSerialized()));

        assertThat(ROWS.from(scope)).isEqualTo(TWO_ROWS);
    }

    @Test
    void aListIsReadFromTheJsonTextTasklistAndRestClientsSend() {
        scope.setVariable("users", "[{\"name\":\"Иванов Иван\",\"email\":\"ivanov@romashka.ru\"},"
                + "{\"email\":\"petrova@romashka.ru\",\"name\":\"Петрова Анна\"}]");

        assertThat(ROWS.from(scope)).isEqualTo(TWO_ROWS);
    }

    @Test
    void aListIsReadFromASpinJsonNodeAsTheEngineReturnsIt() {
        scope.setVariable("users", Spin.JSON("[{\"name\":\"Иванов Иван\",\"email\":\"ivanov@romashka.ru\"}]"));

        assertThat(ROWS.from(scope)).containsExactly(TWO_ROWS.get(0));
    }

    @Test
    void aRowWithoutAFieldIsReadWithTheFieldEmptyForTheDomainToCheck() {
        scope.setVariable("users", "[{\"name\":\"Иванов Иван\"}]");

        assertThat(ROWS.from(scope)).containsExactly(new Row("Иванов Иван", null));
    }

    @Test
    void anEmptyJsonListOrJsonNullIsAnEmptyList() {
        scope.setVariable("users", "[]");
        assertThat(ROWS.from(scope)).isEmpty();

        scope.setVariable("users", "null");
        assertThat(ROWS.from(scope)).isEmpty();
    }

    @Test
    void aMissingListIsAnEmptyOptional() {
        assertThat(ROWS.optionalFrom(scope)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[{\"name\":\"Иванов Иван\",\"email\":\"ivanov@romashka.ru\",\"admin\":true}]",
            "[{\"fullName\":\"Иванов Иван\"}]"})
    void aRowWithAnUnknownPropertyIsRefused(String json) {
        scope.setVariable("users", json);

        assertThatThrownBy(() -> ROWS.from(scope)).isInstanceOfSatisfying(BusinessRuleViolation.class,
                violation -> assertThat(violation.kind()).isEqualTo(BusinessRuleViolation.Kind.INVALID))
                .hasMessage("Список заполнен неверно: ожидается список вида Row.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[null]", "[{\"name\":\"Иванов Иван\",\"email\":\"ivanov@romashka.ru\"},null]"})
    void aNullRowIsRefused(String json) {
        scope.setVariable("users", json);

        assertThatThrownBy(() -> ROWS.from(scope)).isInstanceOfSatisfying(BusinessRuleViolation.class,
                violation -> assertThat(violation.kind()).isEqualTo(BusinessRuleViolation.Kind.INVALID))
                .hasMessage("В списке есть пустые строки: удалите их.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"Иванов Иван\"}", "[\"Иванов Иван\"]", "[1, 2]", "not json", "[{\"name\":"})
    void textThatIsNotAListOfRowsIsRefused(String json) {
        scope.setVariable("users", json);

        assertThatThrownBy(() -> ROWS.from(scope)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("Список заполнен неверно");
    }

    @Test
    void aPlainValueTheScopeAlreadyHoldsIsNotWrittenAgainAnotherIs() {
        VariableScope held = mock(VariableScope.class);
        when(held.hasVariable("subscriberName")).thenReturn(true);
        when(held.getVariable("subscriberName")).thenReturn("ООО «Ромашка»");

        NAME.on(held, "ООО «Ромашка»");
        verify(held, never()).setVariable(anyString(),
                any());

        NAME.on(held, "ООО «Вектор»");
        verify(held).setVariable("subscriberName", "ООО «Вектор»");
    }

    @Test
    void aJsonValueIsWrittenWithoutReadingWhatTheScopeHolds() {
        VariableScope held = mock(VariableScope.class);
        when(held.hasVariable("users")).thenReturn(true);

        ROWS.on(held, TWO_ROWS);

        verify(held, never()).getVariable("users");
        verify(held).setVariable(eq("users"), any());
    }
}
