package com.partnerflow.operations;

/** The text of an incident: where it happened in business terms, then what failed. */
final class IncidentMessage {

    private IncidentMessage() {
    }

    /**
     * @param processName the process's Russian name, or null
     * @param processKey  its key, or null (a job outside any process)
     * @param businessKey the request's business key, or null (e.g. a timer start)
     * @param step        the step's Russian name (or its id), or null
     * @param failure     the failing job's exception message, or null
     */
    static String of(String processName, String processKey, String businessKey, String step, String failure) {
        StringBuilder text = new StringBuilder();
        if (processName != null) {
            text.append('«').append(processName).append("» ");
        }
        text.append(businessKey == null ? "без бизнес-ключа" : businessKey);
        if (processKey != null) {
            text.append(" (").append(processKey).append(')');
        }
        if (step != null) {
            text.append(", шаг «").append(step).append('»');
        }
        text.append(": ").append(failure == null || failure.isBlank() ? "ошибка без текста, см. стек вызовов задания" : failure);
        return text.toString();
    }
}
