package com.partnerflow.transfer;

import com.partnerflow.document.Upload;

/**
 * A transfer as the new partner submits it, unchecked: from the Tasklist start form, the REST API
 * or a correction. Strings as typed; {@link TransferService} checks every field.
 *
 * @param requestedPartnerName the partner the letter asks to move to, as the letter names it
 * @param requestedPartnerCode that partner's code, when the letter gives it (optional)
 * @param letterDate ISO date ({@code 2026-11-20}) as date inputs send it
 */
public record SubmitTransfer(String subscriberNumber, String subscriberName, String requestedPartnerName,
                             String requestedPartnerCode, String reason, String letterDate, Upload letter) {
}
