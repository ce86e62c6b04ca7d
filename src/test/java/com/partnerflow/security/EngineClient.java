package com.partnerflow.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One person calling the engine's REST API over HTTP as a real client does: a CRM with HTTP Basic on
 * {@code /engine-rest}, or a browser with its webapp session and CSRF token on {@code /camunda/api/engine}.
 * Anonymous when the user is null. Password = user name, as for every demo and test user.
 */
final class EngineClient {

    enum Root {
        ENGINE_REST("/engine-rest"), WEBAPP("/camunda/api/engine/engine/default");

        final String prefix;

        Root(String prefix) {
            this.prefix = prefix;
        }
    }

    record Answer(int status, String body, java.net.http.HttpHeaders headers) {

        /** Whether PartnerFlow's policy refused it ({@link EngineRequestGuard#REFUSED}), as opposed to the engine. */
        boolean refusedByPolicy() {
            return status == 403 && body.contains("\"type\":\"" + EngineRequestGuard.REFUSED + "\"");
        }

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;
    private final Root root;
    private final String user;

    private EngineClient(int port, Root root, String user) {
        this.base = "http://localhost:" + port;
        this.root = root;
        this.user = user;
    }

    /** A REST client, or a browser logged in to {@code app} (tasklist, cockpit) when the root is the webapp's. */
    static EngineClient of(int port, Root root, String user, String app) {
        EngineClient client = new EngineClient(port, root, user);
        if (root == Root.WEBAPP) {
            client.send("GET", "/camunda/app/" + app + "/default/", null, null);
            if (user != null) {
                Answer login = client.send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
                        ("username=" + user + "&password=" + user).getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
                if (login.status() != 200) {
                    throw new IllegalStateException("Login of " + user + " to " + app + " failed: " + login);
                }
                client.send("GET", "/camunda/api/admin/auth/user/default", null, null); // a new session, a new CSRF token
            }
        }
        return client;
    }

    String user() {
        return user;
    }

    /** An operation of the engine API, {@code path} relative to the API's root ({@code /task/4/claim}). */
    Answer call(String method, String path, byte[] body, String contentType) {
        if (root == Root.WEBAPP && path.equals("/engine")) {
            return send(method, "/camunda/api/engine/engine/", body, contentType); // the webapps' list of engines
        }
        return send(method, root.prefix + path, body, contentType);
    }

    Answer json(String method, String path, String json) {
        return call(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), json == null ? null : "application/json");
    }

    /** Any path of the application, with this client's credentials or session. */
    Answer send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Accept", "application/json");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (root == Root.ENGINE_REST && user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        xsrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private java.util.Optional<String> xsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, last) -> last);
    }
}
