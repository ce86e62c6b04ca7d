package com.partnerflow.partner;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

/**
 * An application only listed partners may serve clients in (seed 002, «Продавать приложение «1С:Комплексная
 * автоматизация», «1С:Бухгалтерия 8 КОРП» могут только партнеры из списка»; «1С:ERP» only ERP competence centres).
 * The list and the authorized partners are data that vendor staff keep.
 */
@Entity
@Table(name = "restricted_application")
public class RestrictedApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 150)
    private String name;

    /** Who may serve it, as the vendor words it: «только центры компетенции по ERP». */
    @Column(length = 500)
    private String note;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "restricted_application_partner", joinColumns = @JoinColumn(name = "application_id"),
            inverseJoinColumns = @JoinColumn(name = "partner_id"))
    private Set<Partner> authorized = new LinkedHashSet<>();

    protected RestrictedApplication() {
    }

    RestrictedApplication(String name, String note) {
        this.name = name;
        this.note = note;
    }

    /**
     * Whether a data area's application is this one: case, spacing and the «1С:» prefix aside, so «1С:ERP Управление
     * предприятием» and «ERP управление предприятием» are the same application.
     */
    boolean isRunBy(String applicationName) {
        return applicationName != null && normalized(applicationName).equals(normalized(name));
    }

    static String normalized(String applicationName) {
        return applicationName.strip().replaceFirst("^(?iu)1[СC]\\s*:\\s*", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    boolean authorizes(Partner partner) {
        return authorized.stream().anyMatch(candidate -> candidate.getId().equals(partner.getId()));
    }

    /** Returns whether the partner was not authorized yet. */
    boolean authorize(Partner partner) {
        return !authorizes(partner) && authorized.add(partner);
    }

    /** Returns whether the partner was authorized. */
    boolean withdraw(Partner partner) {
        return authorized.removeIf(candidate -> candidate.getId().equals(partner.getId()));
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getNote() {
        return note;
    }

    public Set<Partner> getAuthorized() {
        return Set.copyOf(authorized);
    }
}
