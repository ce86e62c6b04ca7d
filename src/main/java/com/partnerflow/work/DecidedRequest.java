package com.partnerflow.work;

import io.swagger.v3.oas.annotations.media.Schema;

/** The request a decided task belongs to, as it stands right after the decision. */
@Schema(description = "Запрос, к которому относилась задача, сразу после решения")
public record DecidedRequest(
        @Schema(description = "Вид запроса, как в /api/requests/{kind}/{id}", example = "transfers") String kind,
        @Schema(description = "Номер запроса", example = "17") long id,
        @Schema(description = "Адрес запроса в API", example = "/api/transfers/17") String href,
        @Schema(description = "Состояние запроса после решения (имя значения перечисления предметной области)",
                example = "AWAITING_CURRENT_PARTNER") String status) {
}
