package com.partnerflow.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The addresses a mail links to, all under one configured public base URL ({@code partnerflow.public-base-url}, what
 * users type in their browser; {@code http://localhost:8080} by default). Templates reach it as {@code links}.
 */
@Component
public class PublicLinks {

    private final String base;

    PublicLinks(@Value("${partnerflow.public-base-url:http://localhost:8080}") String base) {
        this.base = base.strip().replaceAll("/+$", "");
    }

    /** An address of the application, e.g. {@code /api/catalogue/7}. */
    public String of(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    /** A task opened in Tasklist. */
    public String task(String taskId) {
        return of(taskPath(taskId));
    }

    /** A task opened in Tasklist, as a link within the application (the portal's pages). */
    public static String taskPath(String taskId) {
        return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    /**
     * Tasklist with the start form of the process open (its latest version, if the person may start it): Tasklist's
     * own {@code processStart} parameter, which its «Запустить процесс» dialog sets when a process is chosen.
     */
    public static String startFormPath(String processKey) {
        return "/camunda/app/tasklist/default/#/?processStart=" + processKey;
    }

    /** Tasklist's start page. */
    public String tasklist() {
        return of("/camunda/app/tasklist/default/");
    }
}
