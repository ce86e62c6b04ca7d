package com.partnerflow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP calls to a running application on loopback, as a partner's CRM or Tasklist makes them: HTTP Basic as a demo
 * or test user (password = user name), JSON, multipart for uploads; for the benchmark and the tests that drive the
 * packaged jar. Each instance has its own {@link HttpClient}, so concurrent users do not share connections. A call
 * never throws for an HTTP status (the caller decides what counts as an error), only for a broken connection.
 */
public final class LoopbackHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public LoopbackHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A finished call: status, body and how long it took from sending to the last byte. */
    public record Response(int status, String body, double millis) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }

        /** The body, or an {@link AssertionError} naming the call when the status is not 2xx. */
        public JsonNode expectOk(String what) {
            if (!ok()) {
                throw new AssertionError(what + ": " + status + " " + body);
            }
            return json();
        }
    }

    public Response get(String user, String path) throws IOException, InterruptedException {
        return send(request(user, path).GET());
    }

    public Response postJson(String user, String path, Object body) throws IOException, InterruptedException {
        return send(request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    public Response put(String user, String path) throws IOException, InterruptedException {
        return send(request(user, path).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    public Response post(String user, String path) throws IOException, InterruptedException {
        return send(request(user, path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** {@code multipart/form-data} with text fields and one file part. */
    public Response postMultipart(String user, String path, Map<String, String> fields, String fileField, String fileName,
                           String fileType, byte[] file) throws IOException, InterruptedException {
        String boundary = "loopback-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + fileType + "\r\n\r\n");
        body.write(file);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(request(user, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String user, String path) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json");
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.body(), (System.nanoTime() - start) / 1e6);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
