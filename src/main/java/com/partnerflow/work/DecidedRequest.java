package com.partnerflow.work;

import io.swagger.v3.oas.annotations.media.Schema;

/** The request a decided task belongs to, as it stands right after the decision. */
@Schema(description = "Запрос, к которому относилась задача, сразу после решения")
public record DecidedRequest(
        @Schema(description = "Вид запроса, как в /api/requests/{kind}/{id}", example = "transfers") RequestKind kind,
        @Schema(description = "Номер запроса", example = "17") long id,
        @Schema(description = "Адрес запроса в API", example = "/api/transfers/17") String href,
        @Schema(description = "Состояние запроса после решения (имя значения перечисления предметной области)",
                example = "AWAITING_CURRENT_PARTNER") String status) {

    /** The request {@code id} of {@code kind}, at its own {@code GET /api/{kind}/{id}}, in {@code status}. */
    public static DecidedRequest of(RequestKind kind, long id, Enum<?> status) {
        return new DecidedRequest(kind, id, "/api/" + kind.path() + "/" + id, status.name());
    }
}
