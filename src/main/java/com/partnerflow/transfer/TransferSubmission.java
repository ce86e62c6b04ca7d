package com.partnerflow.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.web.multipart.MultipartFile;

import com.partnerflow.document.Upload;

/**
 * The multipart form of {@code POST /api/transfers}. The target partner is never a field: it is the caller's. Every field
 * is checked by {@link TransferService}, the one check of Tasklist's form and this API alike.
 */
record TransferSubmission(String subscriberNumber, String subscriberName, String requestedPartnerName,
                          String requestedPartnerCode, String reason, String letterDate, MultipartFile letter) {

    SubmitTransfer toCommand() {
        try {
            return new SubmitTransfer(subscriberNumber, subscriberName, requestedPartnerName, requestedPartnerCode,
                    reason, letterDate,
                    letter == null ? null : new Upload(letter.getOriginalFilename(), letter.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
