package com.partnerflow.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A user logged in to Tasklist: its session cookie and CSRF token, calling the webapp's own engine API as Tasklist does. */
public final class TasklistSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;

    private TasklistSession(int port) {
        this.base = "http://localhost:" + port + "/camunda";
    }

    /** Logs in with password = user name, like the demo and test users. */
    public static TasklistSession login(int port, String user) {
        TasklistSession session = new TasklistSession(port);
        session.send(HttpRequest.newBuilder(URI.create(session.base + "/app/tasklist/default/")).build());
        HttpResponse<String> login = session.send(HttpRequest.newBuilder(URI.create(session.base + "/api/admin/auth/user/default/login/tasklist"))
                .header("X-XSRF-TOKEN", session.xsrfToken())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Login of " + user + " failed: " + login.statusCode() + " " + login.body());
        }
        // the login starts a new session: Tasklist's next request fetches its CSRF token
        session.send(HttpRequest.newBuilder(URI.create(session.base + "/api/admin/auth/user/default")).build());
        return session;
    }

    /** {@code POST …/task/{id}/submit-form}, as Tasklist submits a task form. */
    public HttpResponse<String> submitForm(String taskId, Map<String, Object> variables) {
        return post("/api/engine/engine/default/task/" + taskId + "/submit-form", Map.of("variables", variables));
    }

    public HttpResponse<String> post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("X-XSRF-TOKEN", xsrfToken())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String xsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
    }
}
