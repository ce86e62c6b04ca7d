package com.partnerflow.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sla how long an audit round may take, as the engine's business calendar reads it: «2 working days»
 *            (weekends and {@code partnerflow.calendar} holidays skipped), or an ISO-8601 duration such as
 *            {@code PT2M} to watch the escalation happen in a demo
 */
@ConfigurationProperties("partnerflow.audit")
public record AuditSettings(@DefaultValue("2 working days") String sla) {
}
