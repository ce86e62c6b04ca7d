package com.partnerflow.subscriber;

/** The kind of the multi-user extension of the reporting service, by number of users (seed 001). */
public enum MultiUserTier {
    TWO_TO_NINE("от 2 до 9"),
    TEN_OR_MORE("10 и более");

    private final String label;

    MultiUserTier(String label) {
        this.label = label;
    }

    /** As the partner documentation names it: «от 2 до 9», «10 и более». */
    public String label() {
        return label;
    }
}
