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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Workload 4, startup and memory: seconds from {@code java} until {@code /actuator/health} says UP, and the
 * process's resident memory (VmRSS) at that moment, for the packaged PartnerFlow jar and for a bare Camunda
 * starter application (src/bench/bare, built here with the project's wrapper), each launched the same ways
 * ({@link Variant}): {@code java -jar} as packaged, with the default heap and with {@code -Xmx512m}, and the documented
 * production launch, the jar extracted with a class data sharing archive from a training run
 * ({@code scripts/cds-archive.sh}, run here on both jars). PartnerFlow runs as {@code java -jar} and
 * {@code ./mvnw spring-boot:run} users get it: the default profile {@code demo}, whose demo data is seeded before
 * the application reports ready; both applications have the admin user admin/admin and each launch gets its own
 * empty H2 file database. Beside the required figures: the seconds until the first page answers (the portal's
 * login page, the bare application's Camunda login page), the CPU seconds until ready, the resident memory after a
 * full GC, and what the JVM loaded: classes, how many of them came from the archive, Metaspace (see
 * {@link Measurement}).
 * <p>
 * Launches alternate between the two applications; rounds stop early when the next one would not fit in the
 * budget ({@code -Dbench.startup.budget-s}, 180 s with the bare build and the training runs; at least two rounds).
 * By default the jar and the CDS launch; {@code -Dbench.startup.variants=jar,xmx512m,cds} adds the jar with
 * {@code -Xmx512m} (any subset measures only those launches). No warm-up launch by default: both jars
 * have just been written, so they are in the page cache already, and a launch shares nothing else with the next
 * one ({@code -Dbench.startup.warm-up=true} adds one per application).
 */
class StartupWorkload {

    static final Path DIRECTORY = Results.DIRECTORY.resolve("startup");
    private static final int ROUNDS = Integer.getInteger("bench.startup.rounds", 3);
    /** A median of one launch would be a single sample. */
    private static final int MIN_ROUNDS = Math.min(2, ROUNDS);
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("bench.startup.budget-s", 180));
    private static final boolean WARM_UP = Boolean.getBoolean("bench.startup.warm-up");
    /** How long a launch or a training run may take; a machine loaded by other work may need {@code -Dbench.startup.ready-timeout-s}. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("bench.startup.ready-timeout-s", 240));
    private static final Variant JAR = new Variant("jar", "java -jar", false, List.of());
    private static final Variant SMALL_HEAP = new Variant("xmx512m", "java -jar, -Xmx512m", false, List.of("-Xmx512m"));
    private static final Variant CDS = new Variant("cds", "extracted + CDS archive", true, List.of());
    private static final List<Variant> VARIANTS = variants(System.getProperty("bench.startup.variants", ""));

    void run(Results results) throws Exception {
        long start = System.nanoTime();
        deleteRecursively(DIRECTORY);
        Application app = new Application("app", fatJar(Path.of("target"), "partnerflow-"), "/portal/login");
        Application bare = new Application("bare", BareBuild.run(), "/camunda/app/welcome/default/");
        System.out.printf(Locale.ROOT, "startup: bare application built in %.1f s%n", seconds(System.nanoTime() - start));
        Training training = null;
        if (VARIANTS.contains(CDS)) {
            app = app.with(Archive.train(app));
            bare = bare.with(Archive.train(bare));
            training = new Training(app.archive().seconds(), bare.archive().seconds(), app.archive().mib(), bare.archive().mib());
        }
        if (WARM_UP) {
            launch(app, "app-warm-up", JAR);
            launch(bare, "bare-warm-up", JAR);
        }
        Map<Variant, Samples> samples = new LinkedHashMap<>();
        VARIANTS.forEach(variant -> samples.put(variant, new Samples()));
        int rounds = 0;
        long lastRound = 0;
        while (rounds < MIN_ROUNDS || rounds < ROUNDS && System.nanoTime() - start + lastRound <= BUDGET.toNanos()) {
            long roundStart = System.nanoTime();
            for (Variant variant : VARIANTS) {
                // which application goes first changes every time, so neither always runs on the other's leftovers
                launchBoth(app, bare, variant, rounds, (rounds + VARIANTS.indexOf(variant)) % 2 == 0, samples.get(variant));
            }
            rounds++;
            lastRound = System.nanoTime() - roundStart;
        }

        Map<Variant, Comparison> comparisons = new LinkedHashMap<>();
        samples.forEach((variant, launches) -> comparisons.put(variant, Comparison.of(launches)));
        Figures figures = Figures.of(comparisons, training);
        results.put("startup", figures,
                "Startup and memory: java until /actuator/health is UP (first page: the login page), VmRSS then; PartnerFlow (profile demo) vs bare Camunda webapp, "
                        + "each launched the same ways; medians of " + rounds + " launch(es) each, alternated" + (WARM_UP ? ", after one warm-up launch each" : ", no warm-up")
                        + String.format(Locale.ROOT, "; %.0f s in all", seconds(System.nanoTime() - start)),
                List.of("launch", "launches", "app s", "bare s", "time ratio", "app first page s", "bare first page s", "app CPU s", "bare CPU s",
                        "CPU ratio", "app RSS MiB", "bare RSS MiB", "RSS ratio", "app RSS after GC", "bare RSS after GC", "after-GC ratio"),
                comparisons.entrySet().stream().map(entry -> entry.getValue().row(entry.getKey().title())).toList());
        results.print("What each JVM had loaded when ready (medians; Metaspace after the full GC)",
                List.of("launch", "app classes", "bare classes", "app classes from the archive", "bare classes from the archive",
                        "app Metaspace MiB", "bare Metaspace MiB"),
                comparisons.entrySet().stream().map(entry -> entry.getValue().loadedRow(entry.getKey().title())).toList());
        if (training != null) {
            results.print("The CDS training runs (scripts/cds-archive.sh: extract, start until the context is refreshed, write the archive)",
                    List.of("application", "seconds", "archive MiB"),
                    List.of(List.of("app", training.appS(), training.appArchiveMib()), List.of("bare", training.bareS(), training.bareArchiveMib())));
        }
    }

    private static void launchBoth(Application app, Application bare, Variant variant, int round, boolean appFirst, Samples samples) throws Exception {
        String suffix = "-" + variant.key() + "-" + (round + 1);
        if (appFirst) {
            samples.app().add(launch(app, "app" + suffix, variant));
        }
        samples.bare().add(launch(bare, "bare" + suffix, variant));
        if (!appFirst) {
            samples.app().add(launch(app, "app" + suffix, variant));
        }
    }

    private static Measurement launch(Application application, String name, Variant variant) throws Exception {
        try (LaunchedJvm jvm = LaunchedJvm.start(application.jar(variant), application.firstPage(), DIRECTORY.resolve(name),
                application.jvmOptions(variant), application.workingDirectory(variant))) {
            Measurement measurement = jvm.awaitReady();
            System.out.printf(Locale.ROOT, "startup: %-18s ready in %5.1f s (first page %5.1f s, CPU %5.1f s), VmRSS %4.0f MiB, %4.0f MiB after a full GC, "
                            + "%d classes (%d from the archive), Metaspace %.0f MiB%n",
                    name, measurement.seconds(), measurement.pageSeconds(), measurement.cpuSeconds(), measurement.rssMib(), measurement.rssAfterGcMib(),
                    measurement.classes(), measurement.sharedClasses(), measurement.metaspaceMib());
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

    private static List<Variant> variants(String property) {
        List<Variant> all = List.of(JAR, SMALL_HEAP, CDS);
        if (property.isBlank()) {
            // the small heap on request: with it, two rounds of three launch kinds took 7:40 of a 10-minute run
            return List.of(JAR, CDS);
        }
        Set<String> chosen = Arrays.stream(property.split(",")).map(String::strip).collect(Collectors.toSet());
        List<Variant> variants = all.stream().filter(variant -> chosen.contains(variant.key())).toList();
        if (variants.size() != chosen.size()) {
            throw new IllegalArgumentException("bench.startup.variants: " + chosen + " is not a subset of jar, xmx512m, cds");
        }
        return variants;
    }

    /**
     * One way to launch both applications: the packaged jar, or the jar extracted by Spring Boot's tools with the
     * CDS archive of its training run ({@code -XX:SharedArchiveFile}); plus JVM options.
     */
    record Variant(String key, String title, boolean cds, List<String> options) {
    }

    /** One of the two applications: its packaged jar, the page a person opens first, and its CDS archive once trained. */
    record Application(String name, Path fatJar, String firstPage, Archive archive) {

        Application(String name, Path fatJar, String firstPage) {
            this(name, fatJar, firstPage, null);
        }

        Application with(Archive trained) {
            return new Application(name, fatJar, firstPage, trained);
        }

        /**
         * The extracted jar by its name alone, from its directory: Java 17 records the class path in the archive as the
         * training run named it, relative, and ignores the archive when a launch names it otherwise.
         */
        Path jar(Variant variant) {
            return variant.cds() ? fatJar.getFileName() : fatJar;
        }

        /** The archive's directory for a CDS launch (see {@link #jar}); otherwise the launch's own directory. */
        Path workingDirectory(Variant variant) {
            return variant.cds() ? archive.directory() : null;
        }

        List<String> jvmOptions(Variant variant) {
            List<String> options = new ArrayList<>(variant.options());
            if (variant.cds()) {
                options.add("-XX:SharedArchiveFile=" + archive.directory().resolve("application.jsa"));
            }
            return options;
        }
    }

    /** The extracted jar with its CDS archive, written by the documented script; what the training took. */
    record Archive(Path directory, double seconds, double mib) {

        static Archive train(Application application) throws Exception {
            Path directory = DIRECTORY.resolve("cds-" + application.name()).toAbsolutePath();
            Path log = DIRECTORY.resolve("cds-" + application.name() + ".log");
            Files.createDirectories(DIRECTORY);
            long start = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder("sh", Path.of("scripts", "cds-archive.sh").toAbsolutePath().toString(),
                    application.fatJar().toString(), directory.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
            // the same JDK as the launches: an archive only fits the JVM that wrote it
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process script = builder.start();
            if (!script.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                script.destroyForcibly();
                throw new IllegalStateException("The CDS training run of " + application.name() + " took over " + READY_TIMEOUT);
            }
            if (script.exitValue() != 0) {
                throw new IllegalStateException("The CDS training run of " + application.name() + " failed, see " + log.toAbsolutePath()
                        + ":\n" + Files.readString(log));
            }
            double seconds = StartupWorkload.seconds(System.nanoTime() - start);
            double mib = Files.size(directory.resolve("application.jsa")) / (1024.0 * 1024.0);
            System.out.printf(Locale.ROOT, "startup: CDS archive of %s written in %.1f s (%.0f MiB)%n", application.name(), seconds, mib);
            return new Archive(directory, Stats.round(seconds, 1), Stats.round(mib, 0));
        }
    }

    /** What the training runs cost and wrote. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Training(double appS, double bareS, double appArchiveMib, double bareArchiveMib) {
    }

    /**
     * One launch. The CPU seconds are steadier than the wall-clock ones while other work loads the machine. The
     * resident memory at ready is largely garbage the young generation touched during startup (with the default
     * heap G1 lets it grow far); after a full GC, and G1 giving back what it shrank, it is close to what the
     * application really keeps. Classes are those loaded and not unloaded when ready, of them those mapped from a
     * CDS archive (the JDK's own default archive included); Metaspace is what the class metadata used after the GC,
     * which leaves out the metadata of archived classes (it stays in the mapped archive).
     */
    record Measurement(double seconds, double pageSeconds, double cpuSeconds, double rssMib, double rssAfterGcMib,
                       long classes, long sharedClasses, double metaspaceMib) {
    }

    /** The launches of both applications with one variant. */
    record Samples(List<Measurement> app, List<Measurement> bare) {
        Samples() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * The figures of results.json's {@code startup}: the packaged jar with the default heap at the top (the keys of
     * earlier runs), the other variants under their keys, and the training runs.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Figures(@JsonUnwrapped Comparison jar, Comparison xmx512m, Comparison cds, Training cdsTraining) {

        static Figures of(Map<Variant, Comparison> comparisons, Training training) {
            return new Figures(comparisons.get(JAR), comparisons.get(SMALL_HEAP), comparisons.get(CDS), training);
        }
    }

    /** The figures of one variant. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Comparison(double appS, double bareS, double timeRatio, double appPageS, double barePageS, double appRssMib, double bareRssMib,
                      double rssRatio, double appCpuS, double bareCpuS, double cpuRatio, double appRssAfterGcMib, double bareRssAfterGcMib,
                      double rssAfterGcRatio, double appClasses, double bareClasses, double appSharedClasses, double bareSharedClasses,
                      double appMetaspaceMib, double bareMetaspaceMib, int launches) {

        static Comparison of(Samples samples) {
            double appS = median(samples.app(), Measurement::seconds);
            double bareS = median(samples.bare(), Measurement::seconds);
            double appRss = median(samples.app(), Measurement::rssMib);
            double bareRss = median(samples.bare(), Measurement::rssMib);
            double appCpu = median(samples.app(), Measurement::cpuSeconds);
            double bareCpu = median(samples.bare(), Measurement::cpuSeconds);
            double appAfterGc = median(samples.app(), Measurement::rssAfterGcMib);
            double bareAfterGc = median(samples.bare(), Measurement::rssAfterGcMib);
            return new Comparison(Stats.round(appS, 2), Stats.round(bareS, 2), Stats.round(appS / bareS, 2),
                    Stats.round(median(samples.app(), Measurement::pageSeconds), 2), Stats.round(median(samples.bare(), Measurement::pageSeconds), 2),
                    Stats.round(appRss, 0), Stats.round(bareRss, 0), Stats.round(appRss / bareRss, 2),
                    Stats.round(appCpu, 2), Stats.round(bareCpu, 2), Stats.round(appCpu / bareCpu, 2),
                    Stats.round(appAfterGc, 0), Stats.round(bareAfterGc, 0), Stats.round(appAfterGc / bareAfterGc, 2),
                    median(samples.app(), Measurement::classes), median(samples.bare(), Measurement::classes),
                    median(samples.app(), Measurement::sharedClasses), median(samples.bare(), Measurement::sharedClasses),
                    Stats.round(median(samples.app(), Measurement::metaspaceMib), 0), Stats.round(median(samples.bare(), Measurement::metaspaceMib), 0),
                    samples.app().size());
        }

        private static double median(List<Measurement> launches, ToDoubleFunction<Measurement> figure) {
            return Stats.median(launches.stream().map(figure::applyAsDouble).toList());
        }

        List<Object> row(String launch) {
            return List.of(launch, launches, appS, bareS, timeRatio, appPageS, barePageS, appCpuS, bareCpuS, cpuRatio, appRssMib, bareRssMib,
                    rssRatio, appRssAfterGcMib, bareRssAfterGcMib, rssAfterGcRatio);
        }

        List<Object> loadedRow(String launch) {
            return List.of(launch, appClasses, bareClasses, appSharedClasses, bareSharedClasses, appMetaspaceMib, bareMetaspaceMib);
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
        private final URI firstPage;
        private final Path log;

        private LaunchedJvm(Process process, long started, URI health, URI firstPage, Path log) {
            this.process = process;
            this.started = started;
            this.health = health;
            this.firstPage = firstPage;
            this.log = log;
        }

        static LaunchedJvm start(Path jar, String firstPage, Path directory, List<String> jvmOptions, Path workingDirectory) throws IOException {
            Files.createDirectories(directory);
            int port = freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            // DB_CLOSE_ON_EXIT=FALSE: Spring closes the pool at shutdown; H2's own shutdown hook would race it and log errors
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                    "--spring.datasource.url=jdbc:h2:file:" + directory.toAbsolutePath().resolve("db") + ";AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=256;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000"));
            Path log = directory.resolve("out.log");
            // the launch directory is the working directory, so nothing an application writes next to itself is shared
            // (the database is named above); a CDS launch runs in the archive's directory (Application.jar)
            ProcessBuilder builder = new ProcessBuilder(command).directory((workingDirectory == null ? directory : workingDirectory).toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            long started = System.nanoTime();
            String base = "http://127.0.0.1:" + port;
            return new LaunchedJvm(builder.start(), started, URI.create(base + "/actuator/health"), URI.create(base + firstPage), log);
        }

        /** The port it listens on. */
        int port() {
            return health.getPort();
        }

        long pid() {
            return process.pid();
        }


        /**
         * Polls the first page until it answers 200 and the health endpoint until UP, which comes after the
         * ApplicationReadyEvent listeners (readiness); the page may answer earlier, as soon as Tomcat listens.
         */
        Measurement awaitReady() throws IOException, InterruptedException {
            AtomicReference<Double> page = new AtomicReference<>();
            AtomicReference<Double> ready = new AtomicReference<>();
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).atMost(READY_TIMEOUT).until(() -> {
                if (page.get() == null && answers(firstPage)) {
                    page.set(seconds(System.nanoTime() - started));
                }
                if (ready.get() == null && up()) {
                    ready.set(seconds(System.nanoTime() - started));
                }
                return page.get() != null && ready.get() != null;
            });
            double cpuSeconds = process.info().totalCpuDuration().map(cpu -> seconds(cpu.toNanos())).orElse(Double.NaN);
            double rss = rssMib();
            Map<String, Long> counters = perfCounters();
            // HotSpot counts the classes it mapped from an archive apart from those it loaded from class files
            long shared = counters.getOrDefault("java.cls.sharedLoadedClasses", 0L) - counters.getOrDefault("java.cls.sharedUnloadedClasses", 0L);
            long classes = counters.isEmpty() ? -1 : counters.getOrDefault("java.cls.loadedClasses", 0L)
                    - counters.getOrDefault("java.cls.unloadedClasses", 0L) + shared;
            double rssAfterGc = fullGc() ? settledRssMib() : Double.NaN;
            return new Measurement(ready.get(), page.get(), cpuSeconds, rss, rssAfterGc, classes, shared, metaspaceUsedMib());
        }

        /** The JVM's performance counters (jcmd PerfCounter.print), such as java.cls.loadedClasses; empty without a JDK. */
        private Map<String, Long> perfCounters() throws IOException, InterruptedException {
            Map<String, Long> counters = new HashMap<>();
            for (String line : jcmd("PerfCounter.print").lines().toList()) {
                Matcher counter = Pattern.compile("^([\\w.]+)=(\\d+)$").matcher(line.strip());
                if (counter.matches()) {
                    counters.put(counter.group(1), Long.parseLong(counter.group(2)));
                }
            }
            return counters;
        }

        /** Metaspace in use ("Metaspace used 139216K" of jcmd GC.heap_info); NaN without a JDK. */
        private double metaspaceUsedMib() throws IOException, InterruptedException {
            Matcher used = Pattern.compile("Metaspace\\s+used (\\d+)K").matcher(jcmd("GC.heap_info"));
            return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
        }

        /** A jcmd command in the launched JVM by the JDK's jcmd, its output; empty without a JDK or when it fails. */
        private String jcmd(String command) throws IOException, InterruptedException {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            if (!Files.isExecutable(jcmd)) {
                return "";
            }
            Process call = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), command).redirectErrorStream(true).start();
            String output = new String(call.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return call.waitFor(1, TimeUnit.MINUTES) && call.exitValue() == 0 ? output : "";
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
            return !jcmd("GC.run").isEmpty();
        }

        private boolean answers(URI page) {
            try {
                return HTTP.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
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
