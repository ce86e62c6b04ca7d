package com.partnerflow.transfer;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxLetterAge         how old the client's letter may be when submitted
 * @param partnerAnswerTimeout how long the current partner has to answer before vendor staff decide
 * @param correctionTimeout    how long a request returned for correction waits for it before it is closed, as the
 *                             engine's business calendar reads it («10 working days», or an ISO duration such as PT2M)
 */
@ConfigurationProperties("partnerflow.transfer")
public record TransferSettings(
        @DefaultValue("P30D") Period maxLetterAge,
        @DefaultValue("P5D") Duration partnerAnswerTimeout,
        @DefaultValue("10 working days") String correctionTimeout) {
}
