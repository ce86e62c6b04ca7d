package com.partnerflow.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.multipart.MultipartFile;

import com.partnerflow.document.Upload;

/** The multipart form of {@code POST /api/transfers}. The target partner is never a field: it is the caller's. */
record TransferSubmission(
        @NotBlank(message = "укажите номер абонента")
        @Pattern(regexp = "\\s*\\d{1,12}\\s*", message = "номер абонента должен состоять только из цифр (от 1 до 12)")
        String subscriberNumber,
        @NotBlank(message = "укажите наименование абонента, как в письме")
        @Size(max = TransferService.MAX_NAME, message = "наименование абонента длиннее 255 символов")
        String subscriberName,
        @NotBlank(message = "укажите причину перехода")
        @Size(max = TransferService.MAX_REASON, message = "причина перехода длиннее 2000 символов")
        String reason,
        @NotBlank(message = "укажите дату письма (ГГГГ-ММ-ДД)")
        @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "дата письма должна быть вида ГГГГ-ММ-ДД")
        String letterDate,
        @NotNull(message = "приложите скан письма клиента")
        MultipartFile letter) {

    SubmitTransfer toCommand() {
        try {
            return new SubmitTransfer(subscriberNumber, subscriberName, reason, letterDate,
                    new Upload(letter.getOriginalFilename(), letter.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
