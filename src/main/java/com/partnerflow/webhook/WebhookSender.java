package com.partnerflow.webhook;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

/**
 * One POST of a signed event to a receiver: bounded in time (the whole exchange within the connect timeout plus the
 * read timeout), never following a redirect (a 3xx is a failure: the receiver is asked for its real address), reading at most
 * {@value #MAX_ANSWER_BYTES} bytes of the answer, for the delivery log.
 */
@Component
class WebhookSender {

    static final int MAX_ANSWER_BYTES = 200;

    /** What came of one attempt: the status code, if any answer came, and the error, if it failed. */
    record Outcome(Integer statusCode, String error) {

        boolean delivered() {
            return error == null;
        }

        static Outcome refused(String reason) {
            return new Outcome(null, reason);
        }
    }

    private final HttpClient client;
    private final WebhookSettings settings;

    WebhookSender(WebhookSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    Outcome send(String url, String id, long timestamp, String signature, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(settings.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "PartnerFlow-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        Duration limit = settings.connectTimeout().plus(settings.readTimeout());
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request, info -> new FirstBytes());
        try {
            HttpResponse<String> response = exchange.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(status, null);
            }
            String answer = response.body().strip();
            return new Outcome(status, "Получатель ответил " + status + (answer.isEmpty() ? "." : ": " + answer));
        } catch (TimeoutException timeout) {
            exchange.cancel(true);
            return Outcome.refused("Получатель не ответил за " + limit.toSeconds() + " с.");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            return Outcome.refused("Получатель недоступен: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
        } catch (InterruptedException interrupted) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.refused("Отправка прервана остановкой сервера.");
        }
    }

    /** The first {@value #MAX_ANSWER_BYTES} bytes of an answer as text; the rest is never read. */
    private static final class FirstBytes implements HttpResponse.BodySubscriber<String> {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> text = new CompletableFuture<>();
        private Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), MAX_ANSWER_BYTES - bytes.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.write(chunk, 0, take);
            }
            if (bytes.size() >= MAX_ANSWER_BYTES) {
                subscription.cancel();
                onComplete();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            text.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            text.complete(bytes.toString(StandardCharsets.UTF_8));
        }

        @Override
        public CompletionStage<String> getBody() {
            return text;
        }
    }
}
