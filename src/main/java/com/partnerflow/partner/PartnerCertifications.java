package com.partnerflow.partner;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.security.Caller;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * The partner's certification (seed 000: «Сертифицированные партнеры могут создавать свои конфигурации…»), which
 * vendor staff grant and withdraw. What it allows is checked where it is used (the moderation asks
 * {@link Partner#isCertified()}).
 */
@Service
public class PartnerCertifications {

    private static final Logger log = LoggerFactory.getLogger(PartnerCertifications.class);

    private final PartnerService partners;
    private final Clock clock;

    PartnerCertifications(PartnerService partners, Clock clock) {
        this.partners = partners;
        this.clock = clock;
    }

    /**
     * Whether the partner is certified, as its own employees and the vendor's people read it; to any other caller the
     * partner reads as unknown, as on every partner resource.
     */
    @Transactional(readOnly = true)
    public Partner of(String partnerCode, Caller caller) {
        return partners.readable(partnerCode, caller);
    }

    /** Vendor staff certify the partner; again is harmless. */
    @Transactional
    public Partner certify(String partnerCode, Caller caller) {
        Partner partner = managed(partnerCode, caller);
        partner.certify(caller.userId(), clock.instant());
        log.info("Partner {} certified by {}", partner.getCode(), caller.userId());
        return partner;
    }

    /** Vendor staff withdraw the certification: the partner sends no configuration to moderation any more. */
    @Transactional
    public Partner revoke(String partnerCode, Caller caller) {
        Partner partner = managed(partnerCode, caller);
        partner.revokeCertification();
        log.info("Partner {}: certification withdrawn by {}", partner.getCode(), caller.userId());
        return partner;
    }

    private Partner managed(String partnerCode, Caller caller) {
        if (!caller.managesPartners()) {
            throw BusinessRuleViolation.forbidden("Сертифицировать партнеров и снимать сертификацию могут только сотрудники фирмы.");
        }
        return partners.byCode(partnerCode);
    }
}
