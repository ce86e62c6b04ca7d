package com.partnerflow.transfer;

import com.partnerflow.document.Upload;

/**
 * A transfer as the new partner submits it, unchecked: from the Tasklist start form, the REST API
 * or a correction. Strings as typed; {@link TransferService} checks every field.
 *
 * @param letterDate ISO date ({@code 2026-11-20}) as date inputs send it
 */
public record SubmitTransfer(String subscriberNumber, String subscriberName, String reason, String letterDate,
                             Upload letter) {
}
