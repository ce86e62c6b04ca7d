package com.partnerflow.subscriber;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerService;
import com.partnerflow.security.Caller;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.Problems;

/**
 * Subscribers, the client users who act for them, and the products on their organization card.
 * A client user is both recorded here and a member of the Camunda group {@code client-<NUMBER>}.
 */
@Service
public class SubscriberService {

    private final Subscribers subscribers;
    private final ClientAccesses clients;
    private final SubscriberProducts products;
    private final DataAreas dataAreas;
    private final PartnerService partners;
    private final IdentityService identityService;
    private final EntityManager entityManager;
    private final Clock clock;

    SubscriberService(Subscribers subscribers, ClientAccesses clients, SubscriberProducts products, DataAreas dataAreas, PartnerService partners,
                      IdentityService identityService, EntityManager entityManager, Clock clock) {
        this.subscribers = subscribers;
        this.clients = clients;
        this.products = products;
        this.dataAreas = dataAreas;
        this.partners = partners;
        this.identityService = identityService;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Subscriber> byNumber(String number) {
        return subscribers.findByNumber(number);
    }

    /**
     * The subscriber, its row locked until the caller's transaction ends and read again under the lock: a transfer that
     * moves it meanwhile is waited for, and the partner serving it afterwards is the one seen. A transfer is submitted
     * against the partner serving the client now; without the lock a submission racing an approval named the partner
     * the client had just left.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Subscriber> lockedByNumber(String number) {
        if (subscribers.lockByNumber(number).isEmpty()) {
            return Optional.empty();
        }
        Optional<Subscriber> found = subscribers.findByNumber(number);
        found.ifPresent(entityManager::refresh); // loaded earlier in this transaction, it may predate the lock
        return found;
    }

    /** Saves what another feature changed on a subscriber (a transfer re-assigns it); its domain events go out with it. */
    @Transactional
    public void update(Subscriber subscriber) {
        subscribers.save(subscriber);
    }

    /** Lets an existing user act for the subscriber's organization: domain record plus the Camunda group. */
    @Transactional
    public void addClientUser(String number, String userId) {
        Subscriber subscriber = subscribers.findByNumber(number)
                .orElseThrow(() -> BusinessRuleViolation.notFound("Абонент с номером " + number + " не найден."));
        if (identityService.createGroupQuery().groupId(subscriber.clientGroup()).count() == 0) {
            Group group = identityService.newGroup(subscriber.clientGroup());
            group.setName("Клиент " + subscriber.getName());
            group.setType("CLIENT");
            identityService.saveGroup(group);
        }
        if (!clients.existsByUserIdAndSubscriber(userId, subscriber)) {
            clients.save(new ClientAccess(userId, subscriber));
            identityService.createMembership(userId, subscriber.clientGroup());
        }
    }

    @Transactional(readOnly = true)
    public boolean isClientUser(String userId, Subscriber subscriber) {
        return clients.existsByUserIdAndSubscriber(userId, subscriber);
    }

    /**
     * One page of the subscribers the caller sees, matching the filters, each with its data areas and products: vendor
     * staff every subscriber, a partner's employees the clients their partner serves now, a client user the
     * organizations it acts for (so does anyone with {@code own}), anyone else none.
     */
    @Transactional(readOnly = true)
    public Page<Listed> list(Caller caller, SubscriberFilter filter, Pageable page) {
        Optional<Specification<Subscriber>> visible;
        if (filter.own()) {
            visible = Optional.of(SubscriberListing.actedForBy(caller.userId()));
        } else if (caller.seesAllPartners()) {
            visible = Optional.of(SubscriberListing.all());
        } else {
            visible = partners.partnerOf(caller.userId()).map(SubscriberListing::servedBy)
                    .or(() -> Optional.of(SubscriberListing.actedForBy(caller.userId())));
        }
        Page<Subscriber> found = subscribers.findAll(visible.get().and(SubscriberListing.matching(filter)), page);
        if (found.isEmpty()) {
            return found.map(subscriber -> new Listed(subscriber, List.of(), List.of()));
        }
        Map<Long, List<DataArea>> areas = dataAreas.findBySubscriberInOrderByNumber(found.getContent()).stream()
                .collect(Collectors.groupingBy(area -> area.getSubscriber().getId()));
        Map<Long, List<SubscriberProduct>> cards = products.findBySubscriberInOrderByProduct(found.getContent()).stream()
                .collect(Collectors.groupingBy(product -> product.getSubscriber().getId()));
        return found.map(subscriber -> new Listed(subscriber, areas.getOrDefault(subscriber.getId(), List.of()),
                cards.getOrDefault(subscriber.getId(), List.of())));
    }

    /** A subscriber as its list shows it: with its data areas (their programs) and its products. */
    public record Listed(Subscriber subscriber, List<DataArea> dataAreas, List<SubscriberProduct> products) {
    }

    /** The users who act for the subscriber's organization, to notify them. */
    @Transactional(readOnly = true)
    public List<String> clientUsersOf(Subscriber subscriber) {
        return clients.findBySubscriberOrderByUserId(subscriber).stream().map(ClientAccess::getUserId).toList();
    }

    /** Whether the user works for the partner that serves the subscriber now. */
    @Transactional(readOnly = true)
    public boolean isServicingPartnerUser(String userId, Subscriber subscriber) {
        return partners.partnerOf(userId).map(partner -> partner.getId().equals(subscriber.getPartner().getId()))
                .orElse(false);
    }

    /** Shows the reporting product on the organization card with multi-user mode on (with its tier) or off. */
    @Transactional
    public SubscriberProduct applyReportingMultiUserMode(Subscriber subscriber, MultiUserTier tierOrNull, long applicationId) {
        SubscriberProduct product = products.findBySubscriberAndProduct(subscriber, Product.REPORTING)
                .orElseGet(() -> products.save(new SubscriberProduct(subscriber, Product.REPORTING, clock.instant())));
        product.applyMultiUserMode(tierOrNull, applicationId, LocalDate.now(clock), clock.instant());
        return product;
    }

    /** The organization card's products, for the subscriber's client users, its partner, and the vendor's staff. */
    @Transactional(readOnly = true)
    public List<SubscriberProduct> products(String number, Caller caller) {
        return products.findBySubscriberOrderByProduct(visible(number, caller));
    }

    /**
     * The subscriber, if the caller acts for it (a client user), serves it (the partner's employees) or
     * sees every partner's clients (vendor staff); any other number reads as unknown.
     */
    @Transactional(readOnly = true)
    public Subscriber visible(String number, Caller caller) {
        return subscribers.findByNumber(number)
                .filter(found -> caller.seesAllPartners() || isClientUser(caller.userId(), found)
                        || isServicingPartnerUser(caller.userId(), found))
                .orElseThrow(() -> BusinessRuleViolation.notFound("Абонент с номером " + number + " не найден."));
    }

    static final int MAX_REASON = 2000;

    /**
     * Vendor staff change a subscriber's status (seed 003) with a reason, kept in the subscriber's history. Anyone else
     * is refused before the subscriber is looked up, so the call tells a stranger nothing.
     */
    @Transactional
    public Subscriber changeStatus(String number, SubscriberStatus status, String reason, Caller caller) {
        if (!caller.managesPartners()) {
            throw BusinessRuleViolation.forbidden("Статус абонента меняют только сотрудники фирмы.");
        }
        Subscriber subscriber = subscribers.findByNumber(number)
                .orElseThrow(() -> BusinessRuleViolation.notFound("Абонент с номером " + number + " не найден."));
        Problems problems = new Problems();
        if (status == null) {
            problems.add("выберите новый статус: ACTIVE, PENDING_CONFIRMATION, SUSPENDED или INACTIVE");
        }
        String why = problems.required(reason, "причина смены статуса", MAX_REASON);
        problems.refuseIfAny("Статус не изменен");
        if (status == subscriber.getStatus()) {
            throw BusinessRuleViolation.conflict("Абонент " + number + " уже в статусе «" + status.label() + "».");
        }
        subscriber.changeStatus(status, why, caller.userId(), clock.instant());
        return withHistory(subscribers.save(subscriber));
    }

    /** The organization card: the subscriber as {@link #visible} finds it, with its status history and periods of service loaded. */
    @Transactional(readOnly = true)
    public Subscriber card(String number, Caller caller) {
        return withHistory(visible(number, caller));
    }

    private static Subscriber withHistory(Subscriber subscriber) {
        subscriber.getStatusChanges().size(); // loads the lazy histories inside the transaction, for the card
        subscriber.getAssignments().size();
        return subscriber;
    }

    /** The subscribers a partner serves now. */
    @Transactional(readOnly = true)
    public List<Subscriber> servedBy(Partner partner) {
        return subscribers.findByPartnerOrderByNumber(partner);
    }

    @Transactional(readOnly = true)
    public List<DataArea> dataAreasOf(Subscriber subscriber) {
        return dataAreas.findBySubscriberOrderByNumber(subscriber);
    }

    @Transactional(readOnly = true)
    public Optional<DataArea> dataArea(long id) {
        return dataAreas.findById(id);
    }

    /** Opens a data area for the subscriber, numbered after its last one. */
    @Transactional
    public DataArea addDataArea(String number, String applicationName, String applicationVersion) {
        Subscriber subscriber = subscribers.findByNumber(number)
                .orElseThrow(() -> BusinessRuleViolation.notFound("Абонент с номером " + number + " не найден."));
        int next = dataAreas.findBySubscriberOrderByNumber(subscriber).stream().mapToInt(DataArea::getNumber).max().orElse(0) + 1;
        return dataAreas.save(new DataArea(subscriber, next, applicationName, applicationVersion));
    }
}
