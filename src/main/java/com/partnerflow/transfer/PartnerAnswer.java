package com.partnerflow.transfer;

/** The current partner's answer to a transfer of its subscriber. */
public enum PartnerAnswer {
    AGREE,
    OBJECT
}
