package com.partnerflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * JFR execution samples of a JVM's HTTP server threads ({@code http-nio-*}) while one client calls, attributed to the
 * call whose time window holds them (the calls do not overlap). Started and stopped with the JDK's {@code jcmd}, so
 * it works the same on this JVM and on the bare application's. Per call type: how many samples, their share by layer
 * (the leaf-most frame that is not the JDK's: our code, the engine with MyBatis, Spring Security, Jackson, H2,
 * Hibernate, the web server...) and the methods most often on the stack (inclusive), wrappers present in nearly
 * every sample left out.
 */
final class CallProfile {

    private static final int TOP = 15;
    /** A frame on this share of a call type's samples or more is a wrapper (a filter chain, a dispatcher): it says nothing. */
    private static final double WRAPPER = 0.97;

    /** What a sample is doing, by a frame anywhere on its stack (prefixes of {@code Class.method}). */
    private static final Map<String, List<String>> ACTIVITIES = activities();

    private final long pid;
    private final Path file;
    private final String name;
    private final List<Call> calls = new ArrayList<>();

    /** One call's type and window. */
    record Call(String type, Instant start, Instant end) {
    }

    private CallProfile(long pid, Path file, String name) {
        this.pid = pid;
        this.file = file;
        this.name = name;
    }

    static CallProfile start(long pid, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        String name = "rest-" + file.getFileName().toString().replace(".jfr", "");
        jcmd(pid, "JFR.start", "name=" + name, "settings=profile");
        return new CallProfile(pid, file, name);
    }

    synchronized void call(String type, Instant start, Instant end) {
        calls.add(new Call(type, start, end));
    }

    /** Stops the recording and attributes its samples. */
    Map<String, Object> stop() throws Exception {
        jcmd(pid, "JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
        List<Call> sorted = calls.stream().sorted(Comparator.comparing(Call::start)).toList();
        Map<String, List<List<String>>> stacks = new TreeMap<>();
        int outside = 0;
        for (RecordedEvent sample : RecordingFile.readAllEvents(file)) {
            if (!sample.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            var thread = sample.getThread("sampledThread");
            if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith("http-nio-")) {
                continue;
            }
            Call call = find(sorted, sample.getStartTime());
            if (call == null) {
                outside++;
                continue;
            }
            stacks.computeIfAbsent(call.type(), type -> new ArrayList<>()).add(frames(sample.getStackTrace()));
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("recording", file.toString());
        profile.put("samples_between_calls", outside);
        Map<String, Object> perType = new LinkedHashMap<>();
        stacks.forEach((type, samples) -> {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("samples", samples.size());
            figures.put("layers", layers(samples));
            figures.put("activities", activities(samples));
            figures.put("self", self(samples));
            figures.put("ours", ours(samples));
            perType.put(type, figures);
        });
        profile.put("per_call", perType);
        return profile;
    }

    private static Call find(List<Call> sorted, Instant at) {
        int low = 0;
        int high = sorted.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Call call = sorted.get(middle);
            if (at.isBefore(call.start())) {
                high = middle - 1;
            } else if (at.isAfter(call.end())) {
                low = middle + 1;
            } else {
                return call;
            }
        }
        return null;
    }

    /** Leaf first, as {@code package.Class.method}. */
    private static List<String> frames(RecordedStackTrace stack) {
        List<String> frames = new ArrayList<>();
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                if (frame.isJavaFrame()) {
                    frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
                }
            }
        }
        return frames;
    }

    /** Percent of the samples by the layer of their leaf-most frame outside the JDK. */
    private static Map<String, Double> layers(List<List<String>> samples) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> frames : samples) {
            String layer = frames.stream().map(CallProfile::layer).filter(java.util.Objects::nonNull).findFirst().orElse("JDK");
            counts.merge(layer, 1, Integer::sum);
        }
        return percentages(counts, samples.size());
    }

    /** Percent of the samples with a frame of each activity anywhere on the stack (they overlap). */
    private static Map<String, Double> activities(List<List<String>> samples) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> frames : samples) {
            ACTIVITIES.forEach((activity, marks) -> {
                if (frames.stream().anyMatch(frame -> marks.stream().anyMatch(frame::startsWith))) {
                    counts.merge(activity, 1, Integer::sum);
                }
            });
        }
        return percentages(counts, samples.size());
    }

    /** The leaf-most frame outside the JDK: where the time is spent itself. */
    private static Map<String, Double> self(List<List<String>> samples) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> frames : samples) {
            frames.stream().filter(frame -> layer(frame) != null).findFirst().ifPresent(frame -> counts.merge(frame, 1, Integer::sum));
        }
        return percentages(top(counts), samples.size());
    }

    /** Our methods most often on the stack (each counted once per sample), the ones on nearly every sample left out. */
    private static Map<String, Double> ours(List<List<String>> samples) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> frames : samples) {
            frames.stream().filter(frame -> frame.startsWith("com.partnerflow.")).distinct()
                    .forEach(frame -> counts.merge(frame, 1, Integer::sum));
        }
        counts.values().removeIf(count -> count >= WRAPPER * samples.size());
        return percentages(top(counts), samples.size());
    }

    private static Map<String, Integer> top(Map<String, Integer> counts) {
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
                .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        return top;
    }

    private static Map<String, Double> percentages(Map<String, Integer> counts, int total) {
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> shares.put(entry.getKey(), Stats.round(100.0 * entry.getValue() / total, 1)));
        return shares;
    }

    private static Map<String, List<String>> activities() {
        Map<String, List<String>> activities = new LinkedHashMap<>();
        // the password check and the group lookup: ours on /api and /engine-rest, Camunda's filter on the bare application
        activities.put("authentication", List.of("com.partnerflow.security.CamundaIdentityAuthenticationProvider.authenticate",
                "com.partnerflow.security.ApiTokenAuthenticationProvider.authenticate",
                "org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter.authenticate",
                "org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider.extractAuthenticatedUser"));
        activities.put("engine authorization checks", List.of("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager."));
        activities.put("H2 commit", List.of("org.h2.engine.SessionLocal.commit"));
        activities.put("Hibernate flush", List.of("org.hibernate.event.internal.AbstractFlushingEventListener."));
        activities.put("JSON (Jackson)", List.of("com.fasterxml.jackson."));
        activities.put("logging", List.of("ch.qos.logback.", "org.slf4j.", "org.apache.logging."));
        activities.put("our code", List.of("com.partnerflow."));
        return activities;
    }

    /** Whose code a frame is; null for the JDK's. */
    static String layer(String frame) {
        if (frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.") || frame.startsWith("javax.")
                || frame.startsWith("com.sun.")) {
            return null;
        }
        if (frame.startsWith("com.partnerflow.")) {
            return "ours";
        }
        if (frame.startsWith("org.camunda.") || frame.startsWith("org.apache.ibatis.")) {
            return "engine (with MyBatis)";
        }
        if (frame.startsWith("org.springframework.security.")) {
            return "Spring Security";
        }
        if (frame.startsWith("com.fasterxml.jackson.")) {
            return "Jackson";
        }
        if (frame.startsWith("org.h2.")) {
            return "H2";
        }
        if (frame.startsWith("org.hibernate.")) {
            return "Hibernate";
        }
        if (frame.startsWith("org.apache.catalina.") || frame.startsWith("org.apache.coyote.") || frame.startsWith("org.apache.tomcat.")
                || frame.startsWith("org.glassfish.jersey.") || frame.startsWith("org.jboss.resteasy.")) {
            return "web server (Tomcat, Jersey)";
        }
        if (frame.startsWith("org.springframework.")) {
            return "Spring (MVC, transactions, AOP)";
        }
        int dot = frame.indexOf('.', frame.indexOf('.') + 1);
        return "other (" + (dot > 0 ? frame.substring(0, dot) : frame) + ")";
    }

    private static void jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(1, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
