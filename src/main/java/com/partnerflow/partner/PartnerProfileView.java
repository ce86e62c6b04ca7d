package com.partnerflow.partner;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A partner's profile as {@code GET /api/partners/{code}} shows it. */
@Schema(description = "Профиль партнера: реквизиты, статус, скидка, сертификация, допуск к программам с ограничениями")
record PartnerProfileView(
        @Schema(description = "Код партнера", example = "ALFA") String code,
        @Schema(description = "Наименование", example = "Альфа-Софт") String name,
        @Schema(description = "Электронная почта партнера, куда приходят письма") String email,
        @Schema(description = "Телефон; null, если не указан") String phone,
        @Schema(description = "Сайт; null, если не указан") String website,
        @Schema(description = "Статус «1С:ЦСК» (центр сетевой компетенции); устанавливает фирма") boolean competenceCenter,
        @Schema(description = "Статус словами", example = "1С:ЦСК") String statusLabel,
        @Schema(description = "Сублицензионная скидка, % от розничной цены; устанавливает фирма", example = "50.00")
        BigDecimal sublicenseDiscountPercent,
        @Schema(description = "Сертифицированный партнер: может отправлять конфигурации в каталог") boolean certified,
        Instant certifiedAt,
        @Schema(description = "Программы, обслуживать клиентов в которых могут только партнеры из списка, и есть ли партнер в нем")
        List<ProfileRestrictionView> restrictedApplications,
        @Schema(description = "Открытый запрос на изменение данных; null, если его нет") OpenProfileChange openProfileChange) {

    @Schema(description = "Программа с ограничениями и есть ли партнер в ее списке")
    record ProfileRestrictionView(String name, String note, boolean listed) {
    }

    @Schema(description = "Открытый запрос партнера на изменение данных")
    record OpenProfileChange(long id, String href, ProfileChangeStatus status, String statusLabel) {
    }

    static PartnerProfileView of(PartnerProfiles.Profile profile) {
        Partner partner = profile.partner();
        return new PartnerProfileView(partner.getCode(), partner.getName(), partner.getEmail(), partner.getPhone(), partner.getWebsite(),
                partner.isCompetenceCenter(), statusLabel(partner), partner.getSublicenseDiscountPercent(), partner.isCertified(),
                partner.getCertifiedAt(),
                profile.restrictions().stream().map(r -> new ProfileRestrictionView(r.name(), r.note(), r.listed())).toList(),
                profile.openChange().map(change -> new OpenProfileChange(change.getId(), "/api/profile-changes/" + change.getId(),
                        change.getStatus(), change.getStatus().label())).orElse(null));
    }

    /** «1С:ЦСК» or what a partner without the status is (seed 002). */
    static String statusLabel(Partner partner) {
        return partner.isCompetenceCenter() ? "1С:ЦСК (центр сетевой компетенции)" : "Партнер без статуса 1С:ЦСК";
    }
}
