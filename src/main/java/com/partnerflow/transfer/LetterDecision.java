package com.partnerflow.transfer;

/** Vendor staff's decision on the client's letter. */
public enum LetterDecision {
    /** Forward the request to the current partner. */
    FORWARD,
    /** Return it to the submitter for correction. */
    RETURN,
    REJECT
}
