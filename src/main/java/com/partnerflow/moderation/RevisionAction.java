package com.partnerflow.moderation;

/** The partner's answer to requested changes. */
public enum RevisionAction {
    RESUBMIT,
    WITHDRAW
}
