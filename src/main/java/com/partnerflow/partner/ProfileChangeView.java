package com.partnerflow.partner;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A request to change a partner's details as {@code /api} shows it: what changes, the decision and its application. */
@Schema(description = "Запрос партнера на изменение его данных")
record ProfileChangeView(long id, String partnerCode, String partnerName,
                         @Schema(description = "Изменяемые поля: было и стало") List<ChangeView> changes, String reason,
                         ProfileChangeStatus status, String statusLabel, String requestedBy, Instant requestedAt, String decidedBy,
                         Instant decidedAt, String decisionComment, Instant appliedAt) {

    @Schema(description = "Одно изменяемое поле")
    record ChangeView(@Schema(description = "name, email, phone или website") String field,
                      @Schema(description = "Название поля", example = "Телефон") String label,
                      @Schema(description = "Значение до изменения; null, если не было") String from,
                      @Schema(description = "Новое значение") String to) {
    }

    static ProfileChangeView of(ProfileChange c) {
        return new ProfileChangeView(c.getId(), c.getPartner().getCode(), c.getPartner().getName(),
                c.changes().stream().map(change -> new ChangeView(change.field(), change.label(), change.from(), change.to())).toList(),
                c.getReason(), c.getStatus(), c.getStatus().label(), c.getRequestedBy(), c.getRequestedAt(), c.getDecidedBy(),
                c.getDecidedAt(), c.getDecisionComment(), c.getAppliedAt());
    }
}
