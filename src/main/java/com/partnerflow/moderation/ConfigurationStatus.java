package com.partnerflow.moderation;

/** Where a configuration stands with the moderators; whether a revision is in the catalogue is told apart. */
public enum ConfigurationStatus {
    DRAFT("Черновик"),
    IN_MODERATION("На модерации"),
    CHANGES_REQUESTED("Требует доработки"),
    PUBLISHED("Опубликована"),
    REJECTED("Отклонена"),
    WITHDRAWN("Отозвана с модерации"),
    UNPUBLISHED("Снята с публикации");

    private final String label;

    ConfigurationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
