package com.partnerflow.partner;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** An employee of a partner as the partner's people see them in the team (ADR 0047). */
@Schema(name = "TeamMember")
public record TeamMember(
        @Schema(description = "Имя пользователя (логин)", example = "alexey") String userId,
        String firstName,
        String lastName,
        String email,
        @Schema(description = "ACTIVE — работает; INVITED — приглашен, пароль еще не задан; DEACTIVATED — деактивирован")
        Status status,
        @Schema(description = "Статус по-русски", example = "Работает") String statusLabel,
        @Schema(description = "Администратор партнера: управляет командой") boolean administrator,
        @Schema(description = "Статус последнего запроса на авторизацию разработчика, если он был",
                allowableValues = {"REQUESTED", "ACTIVE", "REJECTED", "WITHDRAWN"}) String developerAuthorization,
        @Schema(description = "Он же по-русски", example = "Действует") String developerAuthorizationLabel,
        @Schema(description = "Сколько действующих токенов API выпустил сотрудник") long activeApiTokens,
        @Schema(description = "До какого момента действует ссылка-приглашение (для INVITED)") Instant invitationExpiresAt,
        @Schema(description = "Когда деактивирован (для DEACTIVATED)") Instant deactivatedAt,
        @Schema(description = "Кто деактивировал (для DEACTIVATED)") String deactivatedBy) {

    /** Where an employee stands in the team. */
    public enum Status {
        ACTIVE("Работает"),
        INVITED("Приглашен: пароль еще не задан"),
        DEACTIVATED("Деактивирован");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** «Алексей Смирнов». */
    public String name() {
        return (firstName == null ? "" : firstName + " ") + (lastName == null ? "" : lastName);
    }

    public boolean active() {
        return status != Status.DEACTIVATED;
    }
}
