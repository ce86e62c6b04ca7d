package com.partnerflow.moderation;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The JSON bodies of the configuration API; the domain checks the content field by field. */
final class ConfigurationRequests {

    record AccountRequest(@NotBlank(message = "укажите название аккаунта")
                          @Size(max = ConfigurationAccount.NAME_MAX, message = "название аккаунта длиннее 200 символов") String name) {
    }

    record InvitationRequest(@NotBlank(message = "укажите код приглашаемого партнера")
                             @Size(max = 20, message = "код партнера длиннее 20 символов") String partnerCode) {
    }

    record EmployeeRequest(@NotBlank(message = "укажите имя сотрудника")
                           @Size(max = ConfigurationAccount.EMPLOYEE_NAME_MAX, message = "имя сотрудника длиннее 100 символов") String name) {
    }

    record ContactRequest(@NotBlank(message = "укажите имя контакта")
                          @Size(max = ConfigurationAccount.NAME_MAX, message = "имя контакта длиннее 200 символов") String name,
                          @NotBlank(message = "укажите e-mail контакта")
                          @Size(max = 254, message = "e-mail контакта длиннее 254 символов") String email) {
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
