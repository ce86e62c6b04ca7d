package com.partnerflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.partnerflow.EmbeddedPostgresServer;
import com.partnerflow.TestData;

/**
 * How fast PartnerFlow is: {@code ./mvnw -Pbench verify} runs every workload of issue 6 in one go and prints one
 * Markdown table per workload, then writes the same figures to {@code target/bench/results.json}. Startup is
 * measured first, on an idle machine, by launching the packaged jar and a bare Camunda application; the other
 * workloads run inside one application context on an H2 file. Not part of {@code ./mvnw verify}: the class name
 * does not match failsafe's default includes, and the {@code bench} profile runs nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("bench")
@Import({TestData.class, BenchBeans.class, EmbeddedPostgresServer.OutlivesTheContext.class})
class PerformanceBenchmark {

    static final Results RESULTS = new Results();
    /**
     * The workloads to run, {@code -Dbench.workloads=scale} or {@code =overhead,rest} (the bench profile passes the
     * property on); all of them when not set. One workload alone is for measuring a fix; its results.json holds
     * only its own key (and {@code machine}).
     */
    static final Set<String> WORKLOADS = workloads(System.getProperty("bench.workloads", ""));
    /**
     * When the whole run must have ended: {@code bench.minutes} (10, issue 6's limit) after Maven began
     * ({@code bench.started}, the build's timestamp, which the bench profile passes on), or after this JVM began when
     * run without Maven. The scale workload takes whatever is left; {@code -Dbench.minutes=36} lets it reach 100k.
     */
    static final Instant DEADLINE = deadline();
    /**
     * The database of the workloads that run in the application context: {@code h2} (default: the H2 file, as
     * {@code java -jar} runs), or {@code postgres} ({@code -Dbench.database=postgres}: PostgreSQL 17 as production runs,
     * an embedded server on the same machine). Startup always measures the jar's own default, H2.
     */
    static final boolean POSTGRES = "postgres".equals(System.getProperty("bench.database", "h2"));
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    ApplicationContext context;

    /** Before the application context exists: a fresh database, the machine, and the startup figures. */
    @BeforeAll
    static void freshDatabaseMachineAndStartup() throws Exception {
        deleteRecursively(Results.DIRECTORY.resolve("db"));
        var machine = Machine.describe(POSTGRES ? "PostgreSQL 17.6 (embedded server, same machine)"
                : "H2 " + org.h2.engine.Constants.VERSION + " (file)");
        RESULTS.put("machine", machine, "Machine", List.of("what", "value"), Machine.rows(machine));
        System.out.printf("The run ends by %s (bench.minutes after Maven began); the scale workload has what is left%n", DEADLINE);
        if (WORKLOADS.contains("startup")) {
            new StartupWorkload().run(RESULTS);
        }
        MAIL.start();
    }

    @DynamicPropertySource
    static void mailServerAndDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        if (POSTGRES) {
            registry.add("spring.datasource.url", EmbeddedPostgresServer::jdbcUrl);
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "postgres");
        }
    }

    @Test
    void measure() throws Exception {
        try {
            if (WORKLOADS.contains("overhead")) {
                workload(OverheadWorkload.class).run(RESULTS);
            }
            if (WORKLOADS.contains("rest")) {
                workload(RestWorkload.class).run(RESULTS);
            }
            if (WORKLOADS.contains("scale")) {
                workload(ScaleWorkload.class).run(RESULTS);
            }
        } finally {
            RESULTS.write();
            MAIL.stop();
        }
    }

    private <W> W workload(Class<W> type) {
        return context.getAutowireCapableBeanFactory().createBean(type);
    }

    private static Instant deadline() {
        String started = System.getProperty("bench.started", "");
        Instant start = started.isBlank() || started.startsWith("$")
                ? Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()) : Instant.parse(started);
        return start.plus(Duration.ofMinutes(Long.parseLong(System.getProperty("bench.minutes", "10"))));
    }

    private static Set<String> workloads(String property) {
        Set<String> all = Set.of("startup", "overhead", "rest", "scale");
        if (property.isBlank()) {
            return all;
        }
        Set<String> chosen = Arrays.stream(property.split(",")).map(String::strip).collect(Collectors.toSet());
        if (!all.containsAll(chosen)) {
            throw new IllegalArgumentException("bench.workloads: " + chosen + " is not a subset of " + all);
        }
        return chosen;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
