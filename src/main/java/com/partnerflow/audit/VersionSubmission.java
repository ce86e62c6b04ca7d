package com.partnerflow.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.multipart.MultipartFile;

import com.partnerflow.document.Upload;

/** The multipart form of {@code POST /api/extensions/{id}/versions}. */
record VersionSubmission(
        @NotBlank(message = "укажите номер версии, например 1.0.3")
        @Size(max = ExtensionService.MAX_VERSION, message = "номер версии длиннее 40 символов")
        String version,
        @NotBlank(message = "укажите версию программы, для которой сделана доработка")
        @Size(max = ExtensionService.MAX_VERSION, message = "версия программы длиннее 40 символов")
        String targetApplicationVersion,
        @NotBlank(message = "опишите изменения в этой версии")
        @Size(max = ExtensionService.MAX_NOTES, message = "описание изменений длиннее 4000 символов")
        String changeNotes,
        @NotNull(message = "выберите, кому предназначена доработка: ONE, SEVERAL или ALL")
        Distribution distribution,
        @Size(max = ExtensionService.MAX_RECIPIENTS, message = "слишком много абонентов: выберите ALL")
        List<String> recipients,
        @NotNull(message = "приложите файл доработки (.cfe, .epf или .erf, не более 50 МБ)")
        MultipartFile file) {

    SubmitVersion toCommand() {
        try {
            return new SubmitVersion(null, null, version, targetApplicationVersion, changeNotes, distribution, recipients,
                    new Upload(file.getOriginalFilename(), file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
