package com.partnerflow.moderation;

import static org.springframework.test.util.ReflectionTestUtils.setField;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.partnerflow.partner.Partner;

/**
 * Drafts, partners, accounts and configurations for the tests of this package, without Spring: ids are set
 * with reflection as the database would.
 */
final class ConfigurationFixtures {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final String TITLE = "Воронка продаж для дилеров";
    static final String LINK = "https://alfa.example.ru/screens/funnel.png";

    private ConfigurationFixtures() {
    }

    /** A draft with every settings field and two entities: complete for publication. */
    static Draft completeDraft() {
        return new Draft().title(TITLE).shortDescription("Заявки, сделки и отгрузки дилеров в одном процессе")
                .fullDescription("Процесс обработки заявок, справочник клиентов и отчет по воронке.")
                .category("SALES").industry("RETAIL").links(LINK).price("1500").supportContact("support@alfa.example.ru")
                .entities(entity("PROCESS", "Обработка заявок"), entity("DIRECTORY", "Клиенты"));
    }

    /** A draft with nothing filled in. */
    static Draft emptyDraft() {
        return new Draft();
    }

    static ConfigurationDraft.EntityDraft entity(String kind, String name) {
        return new ConfigurationDraft.EntityDraft(kind, name);
    }

    /** A certified partner (seed 000: it may send configurations to the catalogue); certified by vendor staff, as in the database. */
    static Partner partner(long id, String code) {
        Partner partner = uncertifiedPartner(id, code);
        setField(partner, "certifiedAt", NOW);
        setField(partner, "certifiedBy", "vendor-staff");
        return partner;
    }

    static Partner uncertifiedPartner(long id, String code) {
        Partner partner = new Partner(code, "Партнер " + code, false, BigDecimal.TEN, code.toLowerCase() + "@partners.example.ru");
        setField(partner, "id", id);
        return partner;
    }

    /** An account of type «Партнерская конфигурация» managed by {@code manager}, with {@code members} that accepted its invitation. */
    static ConfigurationAccount account(long id, Partner manager, Partner... members) {
        ConfigurationAccount account = new ConfigurationAccount("Аккаунт " + id, manager, "user-" + manager.getCode(), NOW);
        setField(account, "id", id);
        for (Partner partner : members) {
            account.accept(invite(account, partner), partner, "user-" + partner.getCode(), NOW);
        }
        return account;
    }

    /** The manager's invitation of the partner, with an id as the database would give it. */
    static Invitation invite(ConfigurationAccount account, Partner partner) {
        Invitation invitation = account.invite(partner, account.getManager(), "user-" + account.getManager().getCode(), NOW);
        setField(invitation, "id", account.getId() * 1000 + partner.getId());
        return invitation;
    }

    static Configuration configuration(long id, ConfigurationAccount account, Partner creator, ConfigurationContent content) {
        Configuration configuration = new Configuration(account, creator, content, "user-" + creator.getCode(), NOW);
        setField(configuration, "id", id);
        return configuration;
    }

    /** A mutable builder of {@link ConfigurationDraft}s, so a test names only the field it is about. */
    static final class Draft {
        private String title;
        private String shortDescription;
        private String fullDescription;
        private String category;
        private String industry;
        private List<String> links;
        private Boolean free;
        private BigDecimal price;
        private String supportContact;
        private List<ConfigurationDraft.EntityDraft> entities;

        Draft title(String value) {
            title = value;
            return this;
        }

        Draft shortDescription(String value) {
            shortDescription = value;
            return this;
        }

        Draft fullDescription(String value) {
            fullDescription = value;
            return this;
        }

        Draft category(String value) {
            category = value;
            return this;
        }

        Draft industry(String value) {
            industry = value;
            return this;
        }

        Draft links(String... values) {
            links = List.of(values);
            return this;
        }

        Draft links(List<String> values) {
            links = values;
            return this;
        }

        Draft free(Boolean value) {
            free = value;
            return this;
        }

        /** A price as a decimal literal; {@code null} for none. */
        Draft price(String value) {
            price = value == null ? null : new BigDecimal(value);
            return this;
        }

        Draft supportContact(String value) {
            supportContact = value;
            return this;
        }

        Draft entities(ConfigurationDraft.EntityDraft... values) {
            entities = new ArrayList<>(Arrays.asList(values));
            return this;
        }

        Draft entities(List<ConfigurationDraft.EntityDraft> values) {
            entities = values;
            return this;
        }

        ConfigurationDraft draft() {
            return new ConfigurationDraft(title, shortDescription, fullDescription, category, industry, links, free, price,
                    supportContact, entities);
        }

        ConfigurationContent content() {
            return ConfigurationContent.of(draft());
        }
    }
}
