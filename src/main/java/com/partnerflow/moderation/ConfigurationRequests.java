package com.partnerflow.moderation;

import java.math.BigDecimal;
import java.util.List;

/** The JSON bodies of the configuration API; the domain checks the content field by field. */
final class ConfigurationRequests {

    record AccountRequest(String name) {
    }

    record InvitationRequest(String partnerCode) {
    }

    record UnpublicationRequest(String reason) {
    }

    record EmployeeRequest(String name) {
    }

    record ContactRequest(String name, String email) {
    }

    /** Settings and entities; missing fields are allowed while the partner prepares the configuration. */
    record ConfigurationRequest(String title, String shortDescription, String fullDescription, String category, String industry,
                                List<String> links, Boolean free, BigDecimal price, String supportContact,
                                List<EntityRequest> entities) {

        ConfigurationDraft toDraft() {
            return new ConfigurationDraft(title, shortDescription, fullDescription, category, industry, links, free, price,
                    supportContact, entities == null ? List.of()
                            : entities.stream().map(e -> e == null ? null : new ConfigurationDraft.EntityDraft(e.kind(), e.name())).toList());
        }
    }

    record EntityRequest(String kind, String name) {
    }

    private ConfigurationRequests() {
    }
}
