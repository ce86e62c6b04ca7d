package com.partnerflow.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import com.partnerflow.partner.Partner;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.Problems;

/**
 * An account of type «Партнерская конфигурация» (seed 000): managed by the partner who registered it, with
 * partners it invited, at most {@value #EMPLOYEES_MAX} special employees and {@value #CONTACTS_MAX} contact with
 * access. Such an account is never frozen or deleted for inactivity, so it keeps no activity to watch.
 * It also holds the visibility rules of the configurations made in it.
 */
@Entity
@Table(name = "configuration_account")
public class ConfigurationAccount {

    static final int EMPLOYEES_MAX = 10;
    static final int CONTACTS_MAX = 1;
    static final int NAME_MAX = 200;
    static final int EMPLOYEE_NAME_MAX = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "manager_id")
    private Partner manager;

    /** Every invitation ever made, live or ended, oldest first. */
    @OneToMany(mappedBy = "account", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("id")
    @Fetch(FetchMode.SUBSELECT)
    private List<Invitation> invitations = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "configuration_account_employee", joinColumns = @JoinColumn(name = "account_id"))
    @OrderColumn(name = "position")
    private List<SpecialEmployee> employees = new ArrayList<>();

    @Column(name = "contact_name", length = NAME_MAX)
    private String contactName;

    @Column(name = "contact_email", length = 254)
    private String contactEmail;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ConfigurationAccount() {
    }

    public ConfigurationAccount(String name, Partner manager, String createdBy, Instant createdAt) {
        this.name = requiredName(name, "Название аккаунта", NAME_MAX);
        this.manager = manager;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /**
     * The manager invites another partner: it is mailed and works in the account once it accepts. A partner has at
     * most one live invitation per account; after a decline, a withdrawal or a removal it may be invited again.
     */
    Invitation invite(Partner partner, Partner actor, String by, Instant at) {
        requireManager(actor, "Приглашать партнеров в аккаунт");
        if (isManagedBy(partner)) {
            throw BusinessRuleViolation.invalid("Партнер " + partner.getName() + " управляет этим аккаунтом, приглашать его не нужно.");
        }
        Optional<Invitation> live = liveInvitationOf(partner);
        if (live.isPresent()) {
            throw BusinessRuleViolation.conflict("Партнер " + partner.getName() + (live.get().getStatus() == InvitationStatus.ACCEPTED
                    ? " уже участвует в аккаунте." : " уже приглашен в аккаунт, приглашение ждет ответа."));
        }
        Invitation invitation = new Invitation(this, partner, by, at);
        invitations.add(invitation);
        return invitation;
    }

    /** An invitation of this account as the viewer may see it: the manager sees all, a partner its own; else «not found». */
    Invitation invitation(long invitationId, Partner viewer) {
        return invitations.stream()
                .filter(invitation -> invitation.getId() != null && invitation.getId() == invitationId)
                .filter(invitation -> isManagedBy(viewer) || invitation.isFor(viewer))
                .findFirst().orElseThrow(() -> invitationNotFound(invitationId));
    }

    /** The invited partner accepts: from now on its people work in the account. */
    void accept(Invitation invitation, Partner actor, String by, Instant at) {
        answer(invitation, actor, true, by, at);
    }

    /** The invited partner declines; the manager may invite it again later. */
    void decline(Invitation invitation, Partner actor, String by, Instant at) {
        answer(invitation, actor, false, by, at);
    }

    /** The manager takes back an invitation the partner has not answered yet. */
    void withdraw(Invitation invitation, Partner actor, String by, Instant at) {
        requireOwn(invitation);
        requireManager(actor, "Отозвать приглашение");
        if (invitation.getStatus() == InvitationStatus.ACCEPTED) {
            throw BusinessRuleViolation.conflict("Партнер " + invitation.getPartner().getName()
                    + " уже принял приглашение: исключите его из аккаунта.");
        }
        requirePending(invitation, "отозвать");
        invitation.end(InvitationStatus.WITHDRAWN, by, at);
    }

    /**
     * The manager removes a member partner: it loses access to the account. What it made here stays bound to it
     * (seed 000), so it still sees its own configurations and the account's other partners no longer do ({@link #shows}).
     */
    void remove(Partner member, Partner actor, String by, Instant at) {
        requireManager(actor, "Исключать партнеров из аккаунта");
        Invitation invitation = liveInvitationOf(member).orElseThrow(() -> BusinessRuleViolation.notFound(
                "Партнер " + member.getName() + " не участвует в аккаунте «" + name + "»."));
        if (invitation.getStatus() == InvitationStatus.PENDING) {
            throw BusinessRuleViolation.conflict("Партнер " + member.getName()
                    + " еще не принял приглашение: отзовите приглашение, а не исключайте партнера.");
        }
        invitation.end(InvitationStatus.REMOVED, by, at);
    }

    private void answer(Invitation invitation, Partner actor, boolean accepted, String by, Instant at) {
        requireOwn(invitation);
        if (!invitation.isFor(actor)) {
            throw BusinessRuleViolation.forbidden("Ответить на приглашение может только приглашенный партнер — "
                    + invitation.getPartner().getName() + ".");
        }
        requirePending(invitation, accepted ? "принять" : "отклонить");
        invitation.answer(accepted, by, at);
    }

    private void requireOwn(Invitation invitation) {
        if (!invitations.contains(invitation)) {
            throw new IllegalArgumentException("Invitation " + invitation.getId() + " is not one of account " + id);
        }
    }

    private void requireManager(Partner actor, String action) {
        if (!isManagedBy(actor)) {
            throw BusinessRuleViolation.forbidden(action + " может только управляющий аккаунтом «" + name + "» партнер — "
                    + manager.getName() + ".");
        }
    }

    private static void requirePending(Invitation invitation, String action) {
        if (invitation.getStatus() != InvitationStatus.PENDING) {
            throw BusinessRuleViolation.conflict("Приглашение нельзя " + action + ": оно уже не ждет ответа (сейчас — «"
                    + invitation.getStatus().label() + "»).");
        }
    }

    private Optional<Invitation> liveInvitationOf(Partner partner) {
        return invitations.stream().filter(invitation -> invitation.getStatus().isLive() && invitation.isFor(partner)).findFirst();
    }

    static BusinessRuleViolation invitationNotFound(long invitationId) {
        return BusinessRuleViolation.notFound("Приглашение № " + invitationId + " не найдено.");
    }

    void addEmployee(String employeeName, Instant at) {
        String name = requiredName(employeeName, "Имя сотрудника", EMPLOYEE_NAME_MAX);
        if (employees.size() >= EMPLOYEES_MAX) {
            throw BusinessRuleViolation.invalid("В аккаунте типа «Партнерская конфигурация» может быть не более " + EMPLOYEES_MAX
                    + " сотрудников специального типа. Удалите одного из них, чтобы добавить нового.");
        }
        if (employees.stream().anyMatch(employee -> employee.getName().equalsIgnoreCase(name))) {
            throw BusinessRuleViolation.conflict("Сотрудник «" + name + "» уже есть в аккаунте.");
        }
        employees.add(new SpecialEmployee(name, at));
    }

    void removeEmployee(String employeeName) {
        if (!employees.removeIf(employee -> employee.getName().equalsIgnoreCase(employeeName.strip()))) {
            throw BusinessRuleViolation.notFound("Сотрудника «" + employeeName + "» в аккаунте нет.");
        }
    }

    /** The one contact with access, used to debug the configuration (seed 000). */
    void addContact(String name, String email) {
        Problems problems = new Problems();
        String contact = name == null || name.isBlank() ? null : name.strip();
        String address = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        if (contact == null || contact.length() > NAME_MAX) {
            problems.add("укажите имя контакта (не более " + NAME_MAX + " символов)");
        }
        if (address == null || address.length() > 254 || !EMAIL.matcher(address).matches()) {
            problems.add("укажите e-mail контакта в виде name@example.ru");
        }
        problems.refuseIfAny("Контакт не добавлен");
        if (contactEmail != null) {
            throw BusinessRuleViolation.invalid("В аккаунте типа «Партнерская конфигурация» может быть только " + CONTACTS_MAX
                    + " контакт с доступом, и он уже есть: " + contactName + ". Удалите его, чтобы добавить другой.");
        }
        this.contactName = contact;
        this.contactEmail = address;
    }

    void removeContact() {
        if (contactEmail == null) {
            throw BusinessRuleViolation.notFound("Контакта с доступом в аккаунте нет.");
        }
        contactName = null;
        contactEmail = null;
    }

    public boolean isManagedBy(Partner partner) {
        return manager.getId().equals(partner.getId());
    }

    /** A partner that accepted its invitation and was not removed since. */
    public boolean hasMember(Partner partner) {
        return liveInvitationOf(partner).filter(invitation -> invitation.getStatus() == InvitationStatus.ACCEPTED).isPresent();
    }

    /** The manager and the partners that accepted an invitation work in the account; an invited partner not yet. */
    public boolean admits(Partner partner) {
        return isManagedBy(partner) || hasMember(partner);
    }

    /**
     * Seed 000, «Особенности работы партнёров в аккаунте»: the manager's configurations are seen by the manager
     * only; the partners of the account see each other's configurations made in it; nobody sees what a partner
     * made in another account; a configuration stays bound to its creator, who always sees it.
     */
    public boolean shows(Configuration configuration, Partner viewer) {
        if (configuration.isCreatedBy(viewer)) {
            return true;
        }
        if (!configuration.getAccount().getId().equals(id) || !admits(viewer)) {
            return false;
        }
        return !isManagedBy(configuration.getCreator()) && admits(configuration.getCreator());
    }

    private static String requiredName(String value, String field, int max) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty() || name.length() > max) {
            throw BusinessRuleViolation.invalid("Поле «" + field + "» обязательно, не более " + max + " символов.");
        }
        return name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Partner getManager() {
        return manager;
    }

    /** The member partners' accepted invitations. */
    public List<Invitation> getMembers() {
        return invitations.stream().filter(invitation -> invitation.getStatus() == InvitationStatus.ACCEPTED).toList();
    }

    public List<Invitation> getInvitations() {
        return List.copyOf(invitations);
    }

    public List<SpecialEmployee> getEmployees() {
        return List.copyOf(employees);
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
