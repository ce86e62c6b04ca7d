package com.partnerflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time a JVM's HTTP server threads (Tomcat's {@code http-nio-*}: workers, poller, acceptor) have used, read from
 * Linux's per-thread scheduler statistics ({@code /proc/<pid>/task/<tid>/schedstat}, nanoseconds on the CPU), so the
 * same reading works for this JVM and for another one. With one client calling at a time, the difference across a
 * call is that call's CPU on the server side, whatever else loads the machine; the job executor's work after the
 * call is not in it. NaN where there is no {@code /proc}.
 */
final class RequestThreads {

    private static final String PREFIX = "http-nio-";

    private final Path tasks;
    /** A thread's name by its id; Linux gives each thread's first 15 characters. */
    private final Map<String, Boolean> serverThreads = new HashMap<>();

    RequestThreads(long pid) {
        this.tasks = Path.of("/proc", String.valueOf(pid), "task");
    }

    /** Nanoseconds on the CPU of every server thread alive now. */
    double cpuNanos() {
        if (!Files.isDirectory(tasks)) {
            return Double.NaN;
        }
        long total = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                if (serverThreads.computeIfAbsent(thread.getFileName().toString(), id -> isServerThread(thread))) {
                    total += onCpu(thread);
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return total;
    }

    private static boolean isServerThread(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).startsWith(PREFIX);
        } catch (IOException ended) {
            return false;
        }
    }

    private static long onCpu(Path thread) {
        try {
            String schedstat = Files.readString(thread.resolve("schedstat"));
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (IOException | RuntimeException ended) {
            return 0;
        }
    }
}
