package com.partnerflow.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "configuration_account_member", joinColumns = @JoinColumn(name = "account_id"))
    @OrderBy("invitedAt")
    @Fetch(FetchMode.SUBSELECT)
    private List<AccountMember> members = new ArrayList<>();

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

    /** The manager invites another partner; from now on its people work in the account. */
    void invite(Partner partner, String by, Instant at) {
        if (partner.getId().equals(manager.getId())) {
            throw BusinessRuleViolation.invalid("Партнер " + partner.getName() + " управляет этим аккаунтом, приглашать его не нужно.");
        }
        if (hasMember(partner)) {
            throw BusinessRuleViolation.conflict("Партнер " + partner.getName() + " уже приглашен в аккаунт.");
        }
        members.add(new AccountMember(partner, by, at));
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

    public boolean hasMember(Partner partner) {
        return members.stream().anyMatch(member -> member.getPartner().getId().equals(partner.getId()));
    }

    /** The manager and the invited partners work in the account. */
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

    public List<AccountMember> getMembers() {
        return List.copyOf(members);
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
