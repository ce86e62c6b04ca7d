package com.partnerflow.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session with the portal over plain HTTP, for the portal's Spring tests (isolation, forms, security):
 * logs in through the portal's login form, keeps the session cookie, and sends every form with the CSRF token of the
 * page it was read from, as a browser does. Redirects are not followed, so a test sees them. Password = user name, as
 * for every demo and test user.
 */
public final class PortalSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** An answer: status, the page (or body), and where a redirect points. */
    public record Page(int status, String body, String location) {

        public boolean contains(String text) {
            return body.contains(text);
        }

        @Override
        public String toString() {
            return status + (location == null ? "" : " → " + location) + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String csrf;

    private PortalSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Nobody logged in yet. */
    public static PortalSession anonymous(int port) {
        return new PortalSession(port);
    }

    /** {@code user} logged in through the portal's own login form. */
    public static PortalSession of(int port, String user) {
        PortalSession session = new PortalSession(port);
        Page login = session.login(user, user);
        if (login.status() != 302 || !login.location().endsWith("/portal")) {
            throw new IllegalStateException("Portal login of " + user + " failed: " + login);
        }
        return session;
    }

    /** Posts the login form (with the token of the login page); 302 to /portal on success. */
    public Page login(String user, String password) {
        get("/portal/login");
        return post("/portal/login", Map.of("username", user, "password", password));
    }

    /** Logs in the way Tasklist's own login page does (its CSRF cookie echoed in a header); the status of the login. */
    public int tasklistLogin(String user) {
        send("GET", "/camunda/app/tasklist/default/", "text/html");
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))).status();
    }

    public Page get(String path) {
        Page page = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** A form post with the CSRF token of the last page read, as the page's own form sends it. */
    public Page post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrf != null) {
            form.putIfAbsent("_csrf", csrf);
        }
        return postRaw(path, form);
    }

    /** A form post exactly as given: no CSRF token unless the test puts one in (a forged cross-site post). */
    public Page postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any other request with this session's cookies (a Tasklist API call, a CSV download). */
    public HttpResponse<String> send(String method, String path, String accept) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
