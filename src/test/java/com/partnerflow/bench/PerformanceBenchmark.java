package com.partnerflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
@Import({TestData.class, BenchBeans.class})
class PerformanceBenchmark {

    static final Results RESULTS = new Results();
    /**
     * The workloads to run, {@code -Dbench.workloads=scale} or {@code =overhead,rest} (the bench profile passes the
     * property on); all of them when not set. One workload alone is for measuring a fix; its results.json holds
     * only its own key (and {@code machine}).
     */
    static final Set<String> WORKLOADS = workloads(System.getProperty("bench.workloads", ""));
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    ApplicationContext context;

    /** Before the application context exists: a fresh database, the machine, and the startup figures. */
    @BeforeAll
    static void freshDatabaseMachineAndStartup() throws Exception {
        deleteRecursively(Results.DIRECTORY.resolve("db"));
        var machine = Machine.describe("H2 " + org.h2.engine.Constants.VERSION + " (file)");
        RESULTS.put("machine", machine, "Machine", List.of("what", "value"), Machine.rows(machine));
        if (WORKLOADS.contains("startup")) {
            new StartupWorkload().run(RESULTS);
        }
        MAIL.start();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
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
