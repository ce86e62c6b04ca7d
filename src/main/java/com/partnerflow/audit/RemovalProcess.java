package com.partnerflow.audit;

import org.camunda.bpm.engine.variable.VariableMap;

import com.partnerflow.system.ProcessVariable;

/**
 * The API of {@code processes/extension-removal.bpmn}: a client user removes an installed extension from one of its
 * data areas. The business key is the removed installation's id.
 */
public final class RemovalProcess {

    public static final String KEY = "extension-removal";

    /** Element ids of the model. */
    public static final class Elements {
        public static final String START = "startEvent_removalRequested";
        public static final String END = "endEvent_extensionRemoved";

        private Elements() {
        }
    }

    public static final ProcessVariable<String> SUBSCRIBER_NUMBER = ProcessVariable.string("subscriberNumber");
    public static final ProcessVariable<Long> DATA_AREA_ID = ProcessVariable.longValue("dataAreaId");
    public static final ProcessVariable<Long> INSTALLATION_ID = ProcessVariable.longValue("installationId");

    public static VariableMap variables(String subscriberNumber, Long dataAreaId, Long installationId) {
        VariableMap variables = SUBSCRIBER_NUMBER.with(subscriberNumber);
        DATA_AREA_ID.putIn(variables, dataAreaId);
        return INSTALLATION_ID.putIn(variables, installationId);
    }

    private RemovalProcess() {
    }
}
