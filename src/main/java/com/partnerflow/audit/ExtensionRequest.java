package com.partnerflow.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The JSON of {@code POST /api/extensions}. The developing partner is never a field: it is the caller's. */
record ExtensionRequest(
        @NotBlank(message = "укажите наименование доработки")
        @Size(max = ExtensionService.MAX_NAME, message = "наименование доработки длиннее 150 символов")
        String name,
        @NotNull(message = "выберите вид доработки: CONFIGURATION_EXTENSION, ADDITIONAL_REPORT или ADDITIONAL_PROCESSING")
        ExtensionKind kind,
        @NotBlank(message = "укажите программу, например «Бухгалтерия предприятия»")
        @Size(max = ExtensionService.MAX_NAME, message = "название программы длиннее 150 символов")
        String targetApplication,
        @NotNull(message = "выберите владельца доработки: CLIENT, PARTNER или PROVIDER")
        ExtensionOwner owner,
        @Pattern(regexp = "\\d{1,12}", message = "номер абонента-владельца должен состоять только из цифр (от 1 до 12)")
        String ownerSubscriber) {

    ExtensionDraft toDraft() {
        return new ExtensionDraft(name, kind, targetApplication, owner, ownerSubscriber);
    }
}
