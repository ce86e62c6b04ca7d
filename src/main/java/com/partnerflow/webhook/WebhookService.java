package com.partnerflow.webhook;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.security.Caller;
import com.partnerflow.security.Groups;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * A partner's endpoints and their delivery logs. Only a partner's employees manage them, each partner its own: another
 * partner's endpoint reads like one that does not exist (404).
 */
@Service
public class WebhookService {

    private static final String PARTNER_GROUP_PREFIX = "partner-";

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final EndpointAddresses addresses;
    private final WebhookSettings settings;
    private final Clock clock;

    WebhookService(WebhookEndpoints endpoints, WebhookDeliveries deliveries, EndpointAddresses addresses,
                   WebhookSettings settings, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a partner asks for: where, which events, a note for themselves; {@code active} false pauses the endpoint. */
    record EndpointCommand(String url, Set<EventType> eventTypes, String description, boolean active) {
    }

    @Transactional
    WebhookEndpoint register(EndpointCommand command, Caller caller) {
        String partner = partnerOf(caller);
        check(command);
        if (endpoints.countByPartnerCode(partner) >= settings.maxEndpointsPerPartner()) {
            throw BusinessRuleViolation.conflict("У партнера уже " + settings.maxEndpointsPerPartner()
                    + " адресов вебхуков: удалите ненужный, прежде чем добавить новый.");
        }
        checkAddress(command.url());
        WebhookEndpoint endpoint = new WebhookEndpoint(partner, command.url().strip(), blankToNull(command.description()),
                command.eventTypes(), WebhookSignature.newSecret(), caller.userId(), clock.instant());
        if (!command.active()) {
            endpoint.change(endpoint.getUrl(), endpoint.getDescription(), command.eventTypes(), false, clock.instant());
        }
        return endpoints.save(endpoint);
    }

    @Transactional(readOnly = true)
    Page<WebhookEndpoint> list(Caller caller, Pageable pageable) {
        return endpoints.findByPartnerCode(partnerOf(caller), pageable);
    }

    @Transactional(readOnly = true)
    WebhookEndpoint find(long id, Caller caller) {
        return endpoints.findByIdAndPartnerCode(id, partnerOf(caller))
                .orElseThrow(() -> BusinessRuleViolation.notFound("Адрес вебхука " + id + " не найден."));
    }

    @Transactional
    WebhookEndpoint change(long id, EndpointCommand command, Caller caller) {
        WebhookEndpoint endpoint = find(id, caller);
        check(command);
        checkAddress(command.url());
        endpoint.change(command.url().strip(), blankToNull(command.description()), command.eventTypes(), command.active(),
                clock.instant());
        return endpoint;
    }

    /** A new secret at once; attempts from now on are signed with it. */
    @Transactional
    WebhookEndpoint rotateSecret(long id, Caller caller) {
        WebhookEndpoint endpoint = find(id, caller);
        endpoint.rotate(WebhookSignature.newSecret(), clock.instant());
        return endpoint;
    }

    /** The endpoint and its delivery log; a delivery job still queued finds nothing and ends. */
    @Transactional
    void delete(long id, Caller caller) {
        endpoints.delete(find(id, caller));
    }

    @Transactional(readOnly = true)
    Page<WebhookDelivery> deliveries(long id, Caller caller, Pageable pageable) {
        return deliveries.findByEndpoint(find(id, caller), pageable);
    }

    /**
     * The command as {@code /api/webhooks}' body validation has it (the portal's forms have no such validation): an
     * address, at least one event, a description of at most 500 characters. The address itself is checked apart.
     */
    private void check(EndpointCommand command) {
        if (command.url() == null || command.url().isBlank() || command.url().length() > 2000) {
            throw BusinessRuleViolation.invalid("Укажите адрес получателя: https, не длиннее 2000 символов.");
        }
        if (command.eventTypes() == null || command.eventTypes().isEmpty()) {
            throw BusinessRuleViolation.invalid("Выберите хотя бы один тип события.");
        }
        if (command.description() != null && command.description().length() > 500) {
            throw BusinessRuleViolation.invalid("Описание — не длиннее 500 символов.");
        }
    }

    private void checkAddress(String url) {
        addresses.refusal(url.strip()).ifPresent(refusal -> {
            throw BusinessRuleViolation.invalid(refusal);
        });
    }

    /** The code of the caller's partner; anyone else may not register webhooks (403). */
    static String partnerOf(Caller caller) {
        List<String> codes = caller.groups().stream().filter(group -> group.startsWith(PARTNER_GROUP_PREFIX))
                .map(group -> group.substring(PARTNER_GROUP_PREFIX.length())).toList();
        if (!caller.groups().contains(Groups.PARTNERS) || codes.size() != 1) {
            throw BusinessRuleViolation.forbidden("Вебхуки регистрируют и читают сотрудники партнера.");
        }
        return codes.get(0);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
