package com.partnerflow.moderation;

/** Where an invitation into a configuration account stands; PENDING and ACCEPTED are live, the others ended. */
public enum InvitationStatus {
    PENDING("Приглашение ждет ответа"),
    ACCEPTED("Участник аккаунта"),
    DECLINED("Приглашение отклонено"),
    WITHDRAWN("Приглашение отозвано"),
    REMOVED("Исключен из аккаунта");

    private final String label;

    InvitationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isLive() {
        return this == PENDING || this == ACCEPTED;
    }
}
