package com.partnerflow.partner;

import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.security.Caller;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.Problems;

/**
 * The applications only listed partners may serve, and which partners are listed (seed 002). Vendor staff keep both;
 * a transfer asks {@link #notAuthorized} before a client moves.
 */
@Service
public class ApplicationRestrictions {

    static final int MAX_NAME = 150;
    static final int MAX_NOTE = 500;

    private static final Logger log = LoggerFactory.getLogger(ApplicationRestrictions.class);

    private final RestrictedApplications restricted;
    private final PartnerService partners;

    ApplicationRestrictions(RestrictedApplications restricted, PartnerService partners) {
        this.restricted = restricted;
        this.partners = partners;
    }

    @Transactional(readOnly = true)
    public List<RestrictedApplication> list() {
        return restricted.findAllByOrderByName();
    }

    /** The restricted applications among {@code applicationNames} that {@code partner} is not authorized for. */
    @Transactional(readOnly = true)
    public List<RestrictedApplication> notAuthorized(Partner partner, Collection<String> applicationNames) {
        return restricted.findAllByOrderByName().stream()
                .filter(application -> applicationNames.stream().anyMatch(application::isRunBy))
                .filter(application -> !application.authorizes(partner))
                .toList();
    }

    @Transactional
    public RestrictedApplication restrict(String name, String note, Caller caller) {
        vendorOnly(caller);
        Problems problems = new Problems();
        String application = problems.required(name, "название программы", MAX_NAME);
        String who = problems.optional(note, "кто может обслуживать", MAX_NOTE);
        problems.refuseIfAny("Ограничение не добавлено");
        if (restricted.findAll().stream().anyMatch(known -> known.isRunBy(application))) {
            throw BusinessRuleViolation.conflict("Программа «" + application + "» уже в списке ограниченных.");
        }
        log.info("Application «{}» restricted by {}", application, caller.userId());
        return restricted.save(new RestrictedApplication(application, who));
    }

    @Transactional
    public void lift(long applicationId, Caller caller) {
        vendorOnly(caller);
        RestrictedApplication application = get(applicationId);
        restricted.delete(application);
        log.info("Restriction of «{}» lifted by {}", application.getName(), caller.userId());
    }

    @Transactional
    public RestrictedApplication authorize(long applicationId, String partnerCode, Caller caller) {
        vendorOnly(caller);
        RestrictedApplication application = get(applicationId);
        if (!application.authorize(partners.byCode(partnerCode))) {
            throw BusinessRuleViolation.conflict("Партнер " + partnerCode + " уже в списке программы «" + application.getName() + "».");
        }
        log.info("Partner {} authorized for «{}» by {}", partnerCode, application.getName(), caller.userId());
        return application;
    }

    @Transactional
    public RestrictedApplication withdraw(long applicationId, String partnerCode, Caller caller) {
        vendorOnly(caller);
        RestrictedApplication application = get(applicationId);
        if (!application.withdraw(partners.byCode(partnerCode))) {
            throw BusinessRuleViolation.notFound("Партнера " + partnerCode + " нет в списке программы «" + application.getName() + "».");
        }
        log.info("Partner {} no longer authorized for «{}», by {}", partnerCode, application.getName(), caller.userId());
        return application;
    }

    private RestrictedApplication get(long applicationId) {
        return restricted.findById(applicationId).orElseThrow(() -> BusinessRuleViolation.notFound(
                "Ограниченная программа № " + applicationId + " не найдена."));
    }

    private static void vendorOnly(Caller caller) {
        if (!caller.managesPartners()) {
            throw BusinessRuleViolation.forbidden("Список ограниченных программ и допущенных партнеров ведут сотрудники фирмы.");
        }
    }
}
