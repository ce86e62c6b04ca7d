package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.pvm.runtime.ExecutionImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;

/** Typed process variables against the engine's own in-memory variable scope (no engine, no database). */
class ProcessVariableTest {

    enum Colour { RED, GREEN }

    static final ProcessVariable<String> NAME = ProcessVariable.string("subscriberName");
    static final ProcessVariable<Long> ID = ProcessVariable.longValue("transferId");
    static final ProcessVariable<Colour> COLOUR = ProcessVariable.enumValue("colour", Colour.class);

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

        assertThatIllegalArgumentException().isThrownBy(() -> COLOUR.from(scope))
                .withMessageContaining("BLUE");
    }

    @Test
    void buildsVariableMapsWithEnginePrimitives() {
        VariableMap variables = COLOUR.with(Colour.RED);
        ID.putIn(variables, 7L);

        assertThat(variables).containsExactlyInAnyOrderEntriesOf(Map.of("colour", "RED", "transferId", 7L));
    }

    @Test
    void isNamedAfterItsVariable() {
        assertThat(ID.name()).isEqualTo("transferId");
        assertThat(COLOUR).hasToString("colour");
    }
}
