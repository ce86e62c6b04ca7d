package com.partnerflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call each operation of the engine's REST API, as written in {@code engine-api-policy.txt} beside this
 * class: one line per operation ({@code METHOD /path/{template}}) under the heading of the least {@link Audience}
 * allowed to call it, optionally with a condition {@code name=caller} that binds a party to its own user id. An
 * operation that is not listed is for administrators only. Immutable and thread-safe.
 */
final class EngineApiPolicy {

    static final String RESOURCE = "engine-api-policy.txt";

    /** One listed operation. {@code callerParameter} is null, or the parameter a party must set to its own id. */
    record Operation(String method, String template, Audience audience, String callerParameter) {
    }

    /** An operation and the path variables of the request that matched it. */
    record Match(Operation operation, Map<String, String> pathVariables) {
    }

    private record Entry(Operation operation, PathPattern pattern) {
    }

    private final List<Operation> operations;
    /** By method, then by the first path segment: the few patterns a request has to be tried against. */
    private final Map<String, Map<String, List<Entry>>> index = new HashMap<>();

    private EngineApiPolicy(List<Operation> operations) {
        this.operations = List.copyOf(operations);
        PathPatternParser parser = new PathPatternParser();
        for (Operation operation : operations) {
            index.computeIfAbsent(operation.method(), method -> new HashMap<>())
                    .computeIfAbsent(firstSegment(operation.template()), segment -> new ArrayList<>())
                    .add(new Entry(operation, parser.parse(operation.template())));
        }
    }

    static EngineApiPolicy load() {
        try (InputStream in = EngineApiPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EngineApiPolicy parse(String text) {
        List<Operation> operations = new ArrayList<>();
        Audience audience = null;
        int number = 0;
        for (String raw : text.split("\n")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                audience = Audience.valueOf(line.substring(1, line.length() - 1).toUpperCase(Locale.ROOT));
                continue;
            }
            String[] cells = line.split("\\s+");
            if (audience == null || cells.length < 2 || cells.length > 3 || !cells[1].startsWith("/")
                    || (cells.length == 3 && !cells[2].endsWith("=caller"))) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + " is not «METHOD /path [name=caller]» "
                        + "under an [audience]: " + line);
            }
            String condition = cells.length == 3 ? cells[2].substring(0, cells[2].length() - "=caller".length()) : null;
            operations.add(new Operation(cells[0], cells[1], audience, condition));
        }
        return new EngineApiPolicy(operations);
    }

    List<Operation> operations() {
        return operations;
    }

    /**
     * The operation a request to {@code path} (relative to the engine's root, such as {@code /task/4/claim}) is, or
     * none when no line matches. Should two templates match, the one with the most demanding audience counts: the
     * policy never allows a request that Jersey might route to a stricter operation.
     */
    Optional<Match> find(String method, String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<Entry> candidates = index.getOrDefault("HEAD".equals(method) ? "GET" : method, Map.of())
                .getOrDefault(firstSegment(normalized), List.of());
        PathContainer container = PathContainer.parsePath(normalized);
        return candidates.stream()
                .filter(entry -> entry.pattern().matches(container))
                .max(Comparator.comparing((Entry entry) -> entry.operation().audience())
                        .thenComparing(Entry::pattern, PathPattern.SPECIFICITY_COMPARATOR.reversed()))
                .map(entry -> new Match(entry.operation(), entry.pattern().matchAndExtract(container).getUriVariables()));
    }

    private static String firstSegment(String path) {
        int end = path.indexOf('/', 1);
        return end < 0 ? path : path.substring(0, end);
    }
}
