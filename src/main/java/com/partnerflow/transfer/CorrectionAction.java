package com.partnerflow.transfer;

/** What the submitter does with a request returned for correction. */
public enum CorrectionAction {
    /** Sends the corrected request back to vendor staff. */
    RESUBMIT,
    /** Takes the request back: the subscriber is free for other requests. */
    WITHDRAW
}
