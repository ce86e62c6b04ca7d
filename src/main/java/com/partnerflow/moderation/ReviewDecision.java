package com.partnerflow.moderation;

/** The moderator's answer in one round. */
public enum ReviewDecision {
    APPROVE("Одобрена и опубликована"),
    REQUEST_CHANGES("Возвращена на доработку"),
    REJECT("Отклонена");

    private final String label;

    ReviewDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
