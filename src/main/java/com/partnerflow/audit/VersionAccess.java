package com.partnerflow.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerService;
import com.partnerflow.security.Caller;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberService;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.ListFilters;
import com.partnerflow.system.Problems;

/**
 * «Партнер самостоятельно устанавливает права доступа» (seed 002): after publication the partner that maintains an
 * extension gives a version to more of its clients, or takes a grant back. Taking it back stops new installations;
 * what a client already installed stays in its data area until the client removes it.
 */
@Service
public class VersionAccess {

    /** What {@link #withdraw} takes instead of a subscriber number to end the grant to every client. */
    public static final String ALL_CLIENTS = "all";

    private static final Logger log = LoggerFactory.getLogger(VersionAccess.class);

    private final ExtensionService extensions;
    private final AccessGrants grants;
    private final PartnerService partners;
    private final SubscriberService subscribers;
    private final Clock clock;

    VersionAccess(ExtensionService extensions, AccessGrants grants, PartnerService partners, SubscriberService subscribers,
                  Clock clock) {
        this.extensions = extensions;
        this.grants = grants;
        this.partners = partners;
        this.subscribers = subscribers;
        this.clock = clock;
    }

    /**
     * One page of the grants of a version, as anyone who sees the version sees them (else the version is not found),
     * filtered by a client's number and by whether a grant is to every client.
     */
    @Transactional(readOnly = true)
    public Page<AccessGrant> of(long versionId, Caller caller, String subscriber, Boolean allClients, Pageable page) {
        return grants.findByVersion(extensions.findVersion(versionId, caller), ListFilters.text(subscriber), allClients, page);
    }

    /** Grants the version to the named clients and/or every client; a client that has access already is skipped. */
    @Transactional
    public List<AccessGrant> grant(long versionId, GrantAccess command, Caller caller) {
        ExtensionVersion version = published(versionId, caller);
        Partner maintainer = version.getExtension().maintainer();
        Problems problems = new Problems();
        List<String> numbers = command.subscribers().stream().map(String::strip).distinct().toList();
        if (numbers.isEmpty() && !command.allClients()) {
            problems.add("укажите номера абонентов или «всем клиентам»");
        } else if (numbers.size() > ExtensionService.MAX_RECIPIENTS) {
            problems.add("указано больше " + ExtensionService.MAX_RECIPIENTS + " абонентов: выберите «всем клиентам»");
        }
        List<Subscriber> clients = problems.isEmpty() ? clients(numbers, maintainer, problems) : List.of();
        problems.refuseIfAny("Доступ не предоставлен");
        clients.stream().filter(client -> grants.findByVersionAndSubscriber(version, client).isEmpty())
                .forEach(client -> grants.save(AccessGrant.to(version, client, clock.instant())));
        if (command.allClients() && grants.findByVersionAndSubscriberIsNullAndPartner(version, maintainer).isEmpty()) {
            grants.save(AccessGrant.toAllClientsOf(version, maintainer, clock.instant()));
        }
        log.info("Extension version {}: access granted by {} to {}{}", versionId, caller.userId(), numbers,
                command.allClients() ? " and every client of " + maintainer.getCode() : "");
        return grants.findByVersionOrderById(version);
    }

    /** Ends one client's grant, or ({@link #ALL_CLIENTS}) the grant to every client of the partner. */
    @Transactional
    public void withdraw(long versionId, String subscriberNumber, Caller caller) {
        ExtensionVersion version = published(versionId, caller);
        AccessGrant grant;
        if (ALL_CLIENTS.equals(subscriberNumber)) {
            grant = grants.findByVersionAndSubscriberIsNullAndPartner(version, version.getExtension().maintainer())
                    .orElseThrow(() -> BusinessRuleViolation.notFound("Доступа «всем клиентам» у этой версии нет."));
        } else {
            Subscriber owner = version.getExtension().getOwnerSubscriber();
            if (owner != null && owner.getNumber().equals(subscriberNumber)) {
                throw BusinessRuleViolation.conflict("Абонент " + subscriberNumber + " — владелец доработки: "
                        + "своя доработка доступна ему всегда.");
            }
            grant = subscribers.byNumber(subscriberNumber).flatMap(client -> grants.findByVersionAndSubscriber(version, client))
                    .orElseThrow(() -> BusinessRuleViolation.notFound("У абонента " + subscriberNumber
                            + " нет доступа к этой версии."));
        }
        grants.delete(grant);
        log.info("Extension version {}: access of {} withdrawn by {}", versionId, subscriberNumber, caller.userId());
    }

    /** The partner's own clients among the numbers; every other number named once, in one problem per kind. */
    private List<Subscriber> clients(List<String> numbers, Partner partner, Problems problems) {
        List<String> malformed = numbers.stream().filter(number -> !number.matches(Subscriber.NUMBER_PATTERN)).toList();
        List<Subscriber> clients = new ArrayList<>();
        List<String> strangers = new ArrayList<>();
        numbers.stream().filter(number -> number.matches(Subscriber.NUMBER_PATTERN)).forEach(number -> subscribers.byNumber(number)
                .filter(found -> found.getPartner().getId().equals(partner.getId()))
                .ifPresentOrElse(clients::add, () -> strangers.add(number)));
        if (!malformed.isEmpty()) {
            problems.add("номер абонента — от 1 до 12 цифр, а не " + String.join(", ", malformed.stream().map(n -> "«" + n + "»").toList()));
        }
        if (!strangers.isEmpty()) {
            problems.add((strangers.size() == 1 ? "абонент " + strangers.get(0) + " не обслуживается"
                    : "абоненты " + String.join(", ", strangers) + " не обслуживаются")
                    + " вашей организацией: доступ к доработке дают только своим клиентам");
        }
        return clients;
    }

    /** A published version the caller's partner maintains; anyone else's is not found, and vendor staff only read. */
    private ExtensionVersion published(long versionId, Caller caller) {
        ExtensionVersion version = extensions.findVersion(versionId, caller);
        if (!partners.partnerOf(caller.userId()).map(version.getExtension()::isMaintainedBy).orElse(false)) {
            throw BusinessRuleViolation.forbidden("Доступ к доработке устанавливает партнер, который ее разрабатывает.");
        }
        if (!version.isPublished()) {
            throw BusinessRuleViolation.conflict("Версия " + version.getNumber() + " не опубликована: доступ дают к версии, "
                    + "прошедшей аудит.");
        }
        return version;
    }
}
