package com.partnerflow.bench;

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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Workload 4, startup and memory: seconds from {@code java -jar} until {@code /actuator/health} says UP, and the
 * process's resident memory (VmRSS) at that moment, for the packaged PartnerFlow jar and for a bare Camunda
 * starter application (src/bench/bare, built here with the project's wrapper), with the default heap and with
 * {@code -Xmx512m}. PartnerFlow runs as {@code java -jar} and {@code ./mvnw spring-boot:run} users get it: the
 * default profile {@code demo}, whose demo data is seeded before the application reports ready; both applications
 * have the admin user admin/admin and each launch gets its own empty H2 file database. Beside the required
 * figures: the CPU seconds until ready, and the resident memory after a full GC (see {@link Measurement}).
 * <p>
 * Launches alternate between the two applications; rounds stop early when the next one would not fit in the
 * budget ({@code -Dbench.startup.budget-s}, 180 s with the bare build; at least two rounds). No warm-up launch by
 * default: both jars have just been written, so they are in the page cache already, and a launch shares nothing
 * else with the next one ({@code -Dbench.startup.warm-up=true} adds one per application).
 */
class StartupWorkload {

    static final Path DIRECTORY = Results.DIRECTORY.resolve("startup");
    private static final int ROUNDS = Integer.getInteger("bench.startup.rounds", 3);
    /** A median of one launch would be a single sample. */
    private static final int MIN_ROUNDS = Math.min(2, ROUNDS);
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("bench.startup.budget-s", 180));
    private static final boolean WARM_UP = Boolean.getBoolean("bench.startup.warm-up");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final Heap DEFAULT_HEAP = new Heap("default", List.of());
    private static final Heap SMALL_HEAP = new Heap("-Xmx512m", List.of("-Xmx512m"));

    void run(Results results) throws Exception {
        long start = System.nanoTime();
        deleteRecursively(DIRECTORY);
        Path app = fatJar(Path.of("target"), "partnerflow-");
        Path bare = BareBuild.run();
        System.out.printf(Locale.ROOT, "startup: bare application built in %.1f s%n", seconds(System.nanoTime() - start));
        if (WARM_UP) {
            launch(app, "app-warm-up", DEFAULT_HEAP);
            launch(bare, "bare-warm-up", DEFAULT_HEAP);
        }
        Samples defaultHeap = new Samples();
        Samples smallHeap = new Samples();
        int rounds = 0;
        long lastRound = 0;
        while (rounds < MIN_ROUNDS || rounds < ROUNDS && System.nanoTime() - start + lastRound <= BUDGET.toNanos()) {
            long roundStart = System.nanoTime();
            // which application goes first changes every time, so neither always runs on the other's leftovers
            launchBoth(app, bare, DEFAULT_HEAP, rounds, rounds % 2 == 0, defaultHeap);
            launchBoth(app, bare, SMALL_HEAP, rounds, rounds % 2 == 1, smallHeap);
            rounds++;
            lastRound = System.nanoTime() - roundStart;
        }

        Comparison small = Comparison.of(smallHeap, null);
        Comparison startup = Comparison.of(defaultHeap, small);
        results.put("startup", startup,
                "Startup and memory: java -jar until /actuator/health is UP, VmRSS then; PartnerFlow (profile demo) vs bare Camunda webapp; medians of "
                        + rounds + " launch(es) each, alternated" + (WARM_UP ? ", after one warm-up launch each" : ", no warm-up")
                        + String.format(Locale.ROOT, "; %.0f s in all", seconds(System.nanoTime() - start)),
                List.of("heap", "launches", "app s", "bare s", "time ratio", "app CPU s", "bare CPU s", "app RSS MiB", "bare RSS MiB",
                        "RSS ratio", "app RSS after GC", "bare RSS after GC"),
                List.of(startup.row(DEFAULT_HEAP.label()), small.row(SMALL_HEAP.label())));
    }

    private static void launchBoth(Path app, Path bare, Heap heap, int round, boolean appFirst, Samples samples) throws Exception {
        String suffix = "-" + heap.label().replace("-", "") + "-" + (round + 1);
        if (appFirst) {
            samples.app().add(launch(app, "app" + suffix, heap));
        }
        samples.bare().add(launch(bare, "bare" + suffix, heap));
        if (!appFirst) {
            samples.app().add(launch(app, "app" + suffix, heap));
        }
    }

    private static Measurement launch(Path jar, String name, Heap heap) throws Exception {
        try (LaunchedJvm jvm = LaunchedJvm.start(jar, DIRECTORY.resolve(name), heap.options())) {
            Measurement measurement = jvm.awaitReady();
            System.out.printf(Locale.ROOT, "startup: %-18s ready in %5.1f s (CPU %5.1f s), VmRSS %4.0f MiB, %4.0f MiB after a full GC%n",
                    name, measurement.seconds(), measurement.cpuSeconds(), measurement.rssMib(), measurement.rssAfterGcMib());
            return measurement;
        }
    }

    /** The Spring Boot executable jar in the directory, not the plain {@code .original} jar beside it. */
    static Path fatJar(Path directory, String prefix) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(directory, prefix + "*.jar")) {
            for (Path jar : jars) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    if (file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Start-Class") != null) {
                        return jar.toAbsolutePath();
                    }
                }
            }
        }
        throw new IllegalStateException("No Spring Boot jar " + prefix + "*.jar in " + directory.toAbsolutePath()
                + ": the benchmark runs after 'package' (./mvnw -Pbench verify)");
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    record Heap(String label, List<String> options) {
    }

    /**
     * One launch. The CPU seconds are steadier than the wall-clock ones while other work loads the machine. The
     * resident memory at ready is largely garbage the young generation touched during startup (with the default
     * heap G1 lets it grow far); after a full GC, and G1 giving back what it shrank, it is close to what the
     * application really keeps.
     */
    record Measurement(double seconds, double cpuSeconds, double rssMib, double rssAfterGcMib) {
    }

    /** The launches of both applications with one heap setting. */
    record Samples(List<Measurement> app, List<Measurement> bare) {
        Samples() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    /** The figures of one heap setting; the default heap's also carries the {@code -Xmx512m} ones. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Comparison(double appS, double bareS, double timeRatio, double appRssMib, double bareRssMib, double rssRatio,
                      double appCpuS, double bareCpuS, double appRssAfterGcMib, double bareRssAfterGcMib, int launches,
                      Comparison xmx512m) {

        static Comparison of(Samples samples, Comparison xmx512m) {
            double appS = median(samples.app(), Measurement::seconds);
            double bareS = median(samples.bare(), Measurement::seconds);
            double appRss = median(samples.app(), Measurement::rssMib);
            double bareRss = median(samples.bare(), Measurement::rssMib);
            return new Comparison(Stats.round(appS, 2), Stats.round(bareS, 2), Stats.round(appS / bareS, 2),
                    Stats.round(appRss, 0), Stats.round(bareRss, 0), Stats.round(appRss / bareRss, 2),
                    Stats.round(median(samples.app(), Measurement::cpuSeconds), 2), Stats.round(median(samples.bare(), Measurement::cpuSeconds), 2),
                    Stats.round(median(samples.app(), Measurement::rssAfterGcMib), 0), Stats.round(median(samples.bare(), Measurement::rssAfterGcMib), 0),
                    samples.app().size(), xmx512m);
        }

        private static double median(List<Measurement> launches, ToDoubleFunction<Measurement> figure) {
            return Stats.median(launches.stream().map(figure::applyAsDouble).toList());
        }

        List<Object> row(String heap) {
            return List.of(heap, launches, appS, bareS, timeRatio, appCpuS, bareCpuS, appRssMib, bareRssMib, rssRatio,
                    appRssAfterGcMib, bareRssAfterGcMib);
        }
    }

    /** The bare Camunda application of src/bench/bare, packaged by the project's Maven wrapper into target/bench/bare. */
    static final class BareBuild {

        static Path run() throws Exception {
            Path log = DIRECTORY.resolve("bare-build.log");
            Files.createDirectories(DIRECTORY);
            // offline first: its dependencies are the outer project's, so they are in the local repository already
            if (maven(log, true) != 0 && maven(log, false) != 0) {
                throw new IllegalStateException("The bare application did not build, see " + log.toAbsolutePath() + ":\n" + Files.readString(log));
            }
            return fatJar(Path.of("target", "bench", "bare"), "bare-camunda-");
        }

        private static int maven(Path log, boolean offline) throws Exception {
            boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
            List<String> command = new ArrayList<>(List.of(Path.of(windows ? "mvnw.cmd" : "mvnw").toAbsolutePath().toString(), "-B", "-q"));
            if (offline) {
                command.add("-o");
            }
            command.addAll(List.of("-f", Path.of("src", "bench", "bare", "pom.xml").toString(), "package", "-DskipTests"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // the same JDK as this benchmark, whatever JAVA_HOME the shell had
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process maven = builder.start();
            if (!maven.waitFor(5, TimeUnit.MINUTES)) {
                maven.destroyForcibly();
                throw new IllegalStateException("The bare application's build took over 5 minutes");
            }
            return maven.exitValue();
        }
    }

    /** One {@code java -jar} launch: a free port, an empty H2 file database of its own, its output in a log file. */
    static final class LaunchedJvm implements AutoCloseable {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

        private final Process process;
        private final long started;
        private final URI health;
        private final Path log;

        private LaunchedJvm(Process process, long started, URI health, Path log) {
            this.process = process;
            this.started = started;
            this.health = health;
            this.log = log;
        }

        static LaunchedJvm start(Path jar, Path directory, List<String> jvmOptions) throws IOException {
            Files.createDirectories(directory);
            int port = freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            // DB_CLOSE_ON_EXIT=FALSE: Spring closes the pool at shutdown; H2's own shutdown hook would race it and log errors
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                    "--spring.datasource.url=jdbc:h2:file:" + directory.toAbsolutePath().resolve("db") + ";AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=256;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"));
            Path log = directory.resolve("out.log");
            // the launch directory is the working directory, so nothing an application writes next to itself is shared
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            long started = System.nanoTime();
            return new LaunchedJvm(builder.start(), started, URI.create("http://127.0.0.1:" + port + "/actuator/health"), log);
        }

        /** The port it listens on. */
        int port() {
            return health.getPort();
        }

        long pid() {
            return process.pid();
        }

        /** Polls the health endpoint until UP, which comes after the ApplicationReadyEvent listeners (readiness). */
        Measurement awaitReady() throws IOException, InterruptedException {
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).atMost(READY_TIMEOUT).until(this::up);
            double seconds = seconds(System.nanoTime() - started);
            double cpuSeconds = process.info().totalCpuDuration().map(cpu -> seconds(cpu.toNanos())).orElse(Double.NaN);
            double rss = rssMib();
            return new Measurement(seconds, cpuSeconds, rss, fullGc() ? settledRssMib() : Double.NaN);
        }

        /** G1 gives the heap it shrank back to the OS in the background, within a few hundred milliseconds. */
        private double settledRssMib() {
            AtomicReference<Double> last = new AtomicReference<>(Double.NaN);
            await().pollDelay(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(10))
                    .until(() -> {
                        double now = rssMib();
                        return Math.abs(now - last.getAndSet(now)) < 1;
                    });
            return last.get();
        }

        /** A full GC in the launched JVM by the JDK's jcmd, which returns when it is done; false without a JDK. */
        private boolean fullGc() throws IOException, InterruptedException {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            if (!Files.isExecutable(jcmd)) {
                return false;
            }
            Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return gc.waitFor(1, TimeUnit.MINUTES) && gc.exitValue() == 0;
        }

        private boolean up() throws IOException {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue() + ", see " + log.toAbsolutePath()
                        + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
            } catch (IOException notListeningYet) {
                return false;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** Resident set size from /proc (Linux); NaN elsewhere. */
        private double rssMib() throws IOException {
            Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
            if (!Files.exists(status)) {
                return Double.NaN;
            }
            try (Stream<String> lines = Files.lines(status)) {
                return lines.filter(line -> line.startsWith("VmRSS:"))
                        .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024.0)
                        .findFirst().orElse(Double.NaN);
            }
        }

        /** A graceful shutdown (SIGTERM), so that the next launch does not start beside a dying JVM. */
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }

        private static String tail(Path log) throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
