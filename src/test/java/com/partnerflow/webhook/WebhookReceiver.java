package com.partnerflow.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's CRM as a real HTTP server on a free loopback port: it records every webhook it receives and answers
 * with the statuses it was told to (204 once they run out).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One POST as received: the three Standard Webhooks headers and the body. */
    record Received(String path, String id, String timestamp, String signature, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::receive);
        server.start();
    }

    /** The address of a path on this receiver: {@code http://127.0.0.1:<port>/<path>}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    /** The next answers, in order; 204 after them. */
    void answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedAt(String path) {
        return received.stream().filter(request -> request.path().equals("/" + path)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            Map<String, List<String>> headers = exchange.getRequestHeaders();
            received.add(new Received(exchange.getRequestURI().getPath(), first(headers, "webhook-id"),
                    first(headers, "webhook-timestamp"), first(headers, "webhook-signature"), first(headers, "content-type"),
                    new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 204 : status, -1);
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(header -> header.getValue().get(0)).findFirst().orElse(null);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
