package com.partnerflow.transfer;

/** Where a transfer request stands; every status but the last four waits for a person. */
public enum TransferStatus {
    /** Vendor staff check the client's letter. */
    LETTER_REVIEW,
    /** Returned to the submitting partner to correct the letter or the data. */
    RETURNED_FOR_CORRECTION,
    /** The current partner is asked for agreement. */
    AWAITING_CURRENT_PARTNER,
    /** The current partner objected or did not answer in time: vendor staff decide. */
    VENDOR_DECISION,
    APPROVED,
    REJECTED,
    /** The submitting partner took the request back before a decision. */
    WITHDRAWN,
    /** Returned for correction and not corrected in time ({@code partnerflow.transfer.correction-timeout}). */
    EXPIRED
}
