package com.partnerflow.audit;

import org.camunda.bpm.engine.variable.VariableMap;

import com.partnerflow.system.ProcessVariable;

/**
 * The API of {@code processes/extension-installation.bpmn}: a client user installs a published extension
 * version into one of its data areas. The business key is the installation's id.
 */
public final class InstallationProcess {

    public static final String KEY = "extension-installation";

    /** Element ids of the model. */
    public static final class Elements {
        public static final String START = "startEvent_installationRequested";
        public static final String END = "endEvent_extensionInstalled";

        private Elements() {
        }
    }

    public static final ProcessVariable<String> SUBSCRIBER_NUMBER = ProcessVariable.string("subscriberNumber");
    public static final ProcessVariable<Long> DATA_AREA_ID = ProcessVariable.longValue("dataAreaId");
    public static final ProcessVariable<Long> VERSION_ID = ProcessVariable.longValue("versionId");
    /** Written when the installation is recorded. */
    public static final ProcessVariable<Long> INSTALLATION_ID = ProcessVariable.longValue("installationId");

    public static VariableMap variables(String subscriberNumber, Long dataAreaId, Long versionId) {
        VariableMap variables = SUBSCRIBER_NUMBER.with(subscriberNumber);
        DATA_AREA_ID.putIn(variables, dataAreaId);
        return VERSION_ID.putIn(variables, versionId);
    }

    private InstallationProcess() {
    }
}
