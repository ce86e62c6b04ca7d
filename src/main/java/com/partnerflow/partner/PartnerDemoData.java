package com.partnerflow.partner;

import java.math.BigDecimal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.security.DemoUsers;
import com.partnerflow.security.Groups;

/**
 * The first demo data (profile {@code demo}, the default of {@code ./mvnw spring-boot:run}): the partners ALFA, BETA and
 * GAMMA with one employee each, vendor staff {@code vera} and operations' {@code olga}; ALFA and BETA listed for the
 * restricted applications but ERP. Only into an empty database;
 * every feature's demo data follows it ({@code @Order}). Then the teams (ADR 0047): anna, boris and gleb administer
 * their partners, and ALFA has a plain employee, {@code alexey}; added to a demo database made before them too.
 */
@Component
@Profile("demo")
class PartnerDemoData {

    private static final Logger log = LoggerFactory.getLogger(PartnerDemoData.class);

    private final Partners partners;
    private final PartnerService partnerService;
    private final RestrictedApplications restricted;
    private final DemoUsers users;

    PartnerDemoData(Partners partners, PartnerService partnerService, RestrictedApplications restricted, DemoUsers users) {
        this.partners = partners;
        this.partnerService = partnerService;
        this.restricted = restricted;
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    @Transactional
    public void seed() {
        if (partners.count() > 0) {
            return;
        }
        Partner alfa = partnerService.register(new Partner("ALFA", "Альфа-Софт", true, new BigDecimal("50"), "alfa@partners.example"));
        Partner beta = partnerService.register(new Partner("BETA", "Бета Консалт", false, new BigDecimal("30"), "beta@partners.example"));
        Partner gamma = partnerService.register(new Partner("GAMMA", "Гамма Учет", false, new BigDecimal("25"), "gamma@partners.example"));
        users.person("vera", "Вера", "Смирнова", Groups.VENDOR_STAFF);
        users.person("olga", "Ольга", "Кузнецова", Groups.OPS);
        employee("anna", "Анна", "Петрова", alfa);
        employee("boris", "Борис", "Иванов", beta);
        employee("gleb", "Глеб", "Орлов", gamma);
        // ALFA and BETA are listed for the restricted applications but ERP (the list itself comes with the schema, V16)
        restricted.findAll().stream().filter(application -> !application.isRunBy("ERP Управление предприятием"))
                .forEach(application -> {
                    application.authorize(alfa);
                    application.authorize(beta);
                });
        log.info("Demo data seeded: partners ALFA, BETA, GAMMA; users vera, olga, anna, boris, gleb (password = user name), admin/admin");
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(11)
    @Transactional
    public void teams() {
        if (!users.exists("anna") || !users.exists("boris") || !users.exists("gleb")) {
            return;
        }
        administrator("anna", "ALFA");
        administrator("boris", "BETA");
        administrator("gleb", "GAMMA");
        if (!users.exists("alexey")) {
            employee("alexey", "Алексей", "Кузьмин", partnerService.byCode("ALFA"));
            log.info("Demo teams: anna, boris, gleb administer ALFA, BETA, GAMMA; alexey is ALFA's employee (password = user name)");
        }
    }

    private void administrator(String id, String partnerCode) {
        if (partnerService.partnerOf(id).filter(partner -> partner.getCode().equals(partnerCode)).isPresent()) {
            users.member(id, Partner.administratorsGroupOf(partnerCode));
        }
    }

    private void employee(String id, String firstName, String lastName, Partner partner) {
        users.person(id, firstName, lastName, Groups.PARTNERS);
        partnerService.addMember(partner.getCode(), id);
    }
}
