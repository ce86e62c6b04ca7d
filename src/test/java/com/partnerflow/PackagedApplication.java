package com.partnerflow;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * The packaged application ({@code target/partnerflow-*.jar}) running as its own operating-system process, as
 * {@code java -jar} runs it in production: for the tests that need a real process boundary (a SIGKILL, several
 * cluster nodes). Runs in the failsafe phase, after {@code package}. The process's output goes to
 * {@code <directory>/out.log}, which is also its working directory.
 */
public final class PackagedApplication implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedApplication(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the jar on a free port with the given Spring Boot arguments ({@code --name=value}) and environment,
     * and returns at once; {@link #awaitReady(Duration)} waits for it.
     */
    public static PackagedApplication start(Path directory, List<String> jvmOptions, List<String> arguments,
                                            Map<String, String> environment) throws IOException {
        Files.createDirectories(directory);
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port));
        command.addAll(arguments);
        Path log = directory.resolve("out.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new PackagedApplication(builder.start(), port, log);
    }

    /** Polls {@code /actuator/health} until UP, which comes after the ApplicationReadyEvent listeners (demo data). */
    public PackagedApplication awaitReady(Duration timeout) {
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).atMost(timeout).until(this::up);
        return this;
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye; returns when the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    /** SIGTERM, the graceful shutdown a service manager sends; SIGKILL after a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            kill();
        }
    }

    /** The last lines of the process's output, for a failure message. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException unreadable) {
            return "(no output: " + unreadable.getMessage() + ")";
        }
    }

    private boolean up() {
        if (!process.isAlive()) {
            throw new IllegalStateException("The application exited with " + process.exitValue() + ", see "
                    + log.toAbsolutePath() + ":\n" + tail(40));
        }
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The Spring Boot executable jar in {@code target/}, not the plain {@code .original} jar beside it. */
    public static Path jar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "partnerflow-*.jar")) {
            for (Path jar : jars) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    if (file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Start-Class") != null) {
                        return jar.toAbsolutePath();
                    }
                }
            }
        }
        throw new IllegalStateException("No Spring Boot jar target/partnerflow-*.jar: this test runs after 'package' (./mvnw verify)");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
