package com.partnerflow.work;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Every kind of request a partner (or a client) follows, as {@code GET /api/requests} and
 * {@code /api/requests/{kind}/{id}/timeline} name it: the path of the request's own resource under {@code /api}.
 * Each kind is served by one feature's {@link RequestSource}.
 */
@Schema(description = "Вид запроса: transfers — перевод абонента, reporting-applications — заявление на многопользовательский "
        + "режим 1С-Отчетности, extension-versions — версия доработки на аудите, reconciliations — сверка партнера за месяц, "
        + "configurations — конфигурация на модерации, developer-authorizations — авторизация разработчика, profile-changes — изменение данных партнера")
public enum RequestKind {

    TRANSFERS("transfers"),
    REPORTING_APPLICATIONS("reporting-applications"),
    EXTENSION_VERSIONS("extension-versions"),
    RECONCILIATIONS("reconciliations"),
    CONFIGURATIONS("configurations"),
    DEVELOPER_AUTHORIZATIONS("developer-authorizations"),
    PROFILE_CHANGES("profile-changes");

    private final String path;

    RequestKind(String path) {
        this.path = path;
    }

    /** The kind in URLs and JSON: {@code transfers}. */
    @JsonValue
    public String path() {
        return path;
    }

    /** The request's own resource: {@code /api/transfers/7}. */
    public String href(String id) {
        return "/api/" + path + "/" + id;
    }

    public static Optional<RequestKind> ofPath(String path) {
        return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
    }
}
