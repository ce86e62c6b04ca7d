package com.partnerflow.partner;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.partnerflow.security.Groups;

/** A service organization of the partner network (обслуживающая организация, партнер). */
@Entity
@Table(name = "partner")
public class Partner {

    /** Prefix of the Camunda group whose members act for a partner: {@code partner-<CODE>}. */
    public static final String GROUP_PREFIX = "partner-";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Код партнера. */
    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false)
    private String name;

    /** Status «1С:ЦСК» (competence center). */
    @Column(name = "competence_center", nullable = false)
    private boolean competenceCenter;

    /** Sublicense discount, percent of the retail price. */
    @Column(name = "sublicense_discount", nullable = false, precision = 5, scale = 2)
    private BigDecimal sublicenseDiscountPercent;

    /** Where the partner's notifications go. */
    @Column(nullable = false)
    private String email;

    /** Телефон, as the partner's details show it (seed 002); changed only through a request to vendor staff. */
    @Column(length = 32)
    private String phone;

    /** Сайт (seed 002); changed only through a request to vendor staff. */
    @Column(length = 200)
    private String website;

    /**
     * «Сертифицированный партнер» (seed 000): only a certified partner sends configurations to the public catalogue.
     * Set by vendor staff; {@code null} while the partner is not certified.
     */
    @Column(name = "certified_at")
    private Instant certifiedAt;

    @Column(name = "certified_by", length = 64)
    private String certifiedBy;

    protected Partner() {
    }

    public Partner(String code, String name, boolean competenceCenter, BigDecimal sublicenseDiscountPercent, String email) {
        if (code == null || !code.matches("[A-Z0-9-]{2,32}")) {
            throw new IllegalArgumentException("Partner code must be 2-32 capital letters, digits or dashes: " + code);
        }
        if (sublicenseDiscountPercent.signum() < 0 || sublicenseDiscountPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("Sublicense discount must be within 0..100 %: " + sublicenseDiscountPercent);
        }
        this.code = code;
        this.name = name;
        this.competenceCenter = competenceCenter;
        this.sublicenseDiscountPercent = sublicenseDiscountPercent;
        this.email = email;
    }

    public static String groupOf(String partnerCode) {
        return GROUP_PREFIX + partnerCode;
    }

    /** The group of the partner's administrators, who manage its team (ADR 0047): {@code partneradmins-<CODE>}. */
    public static String administratorsGroupOf(String partnerCode) {
        return Groups.PARTNER_ADMINS_PREFIX + partnerCode;
    }

    /** How people read it in a task's name or a list: {@code «Альфа-Софт» (ALFA)}. */
    public String label() {
        return "«" + name + "» (" + code + ")";
    }

    public String group() {
        return groupOf(code);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isCompetenceCenter() {
        return competenceCenter;
    }

    public BigDecimal getSublicenseDiscountPercent() {
        return sublicenseDiscountPercent;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getWebsite() {
        return website;
    }

    /**
     * The details a partner cannot change itself (seed 002: «Партнер не может сам изменить свои реквизиты»): applied
     * from a request vendor staff approved ({@link ProfileChangeService#apply}), or set with the demo data.
     */
    void changeDetails(PartnerDetails details) {
        this.name = details.name();
        this.email = details.email();
        this.phone = details.phone();
        this.website = details.website();
    }

    /** The details as they are now. */
    public PartnerDetails details() {
        return new PartnerDetails(name, email, phone, website);
    }

    /** Vendor staff certify the partner; certifying it again keeps the first record. */
    void certify(String by, Instant at) {
        if (certifiedAt == null) {
            certifiedAt = at;
            certifiedBy = by;
        }
    }

    void revokeCertification() {
        certifiedAt = null;
        certifiedBy = null;
    }

    public boolean isCertified() {
        return certifiedAt != null;
    }

    public Instant getCertifiedAt() {
        return certifiedAt;
    }

    public String getCertifiedBy() {
        return certifiedBy;
    }

    @Override
    public String toString() {
        return code;
    }
}
