package com.partnerflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The figures of one benchmark run: printed as Markdown tables to stdout as each workload ends, and written to
 * {@code target/bench/results.json} under stable keys ({@code machine}, {@code overhead}, {@code rest},
 * {@code scale}, {@code startup}) so that runs can be compared over time.
 */
final class Results {

    static final Path DIRECTORY = Path.of("target", "bench");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> figures = new LinkedHashMap<>();

    /** Records a workload's figures under its key and prints its table. */
    void put(String key, Object value, String title, List<String> header, List<List<Object>> rows) {
        figures.put(key, value);
        print(title, header, rows);
    }

    void print(String title, List<String> header, List<List<Object>> rows) {
        StringBuilder table = new StringBuilder("\n### ").append(title).append("\n\n");
        table.append(line(header.stream().map(Object.class::cast).toList()));
        table.append(line(header.stream().map(column -> (Object) "---").toList()));
        rows.forEach(row -> table.append(line(row)));
        System.out.println(table);
    }

    void write() throws IOException {
        Files.createDirectories(DIRECTORY);
        JSON.writeValue(DIRECTORY.resolve("results.json").toFile(), figures);
        System.out.println("Figures written to " + DIRECTORY.resolve("results.json").toAbsolutePath());
    }

    private static String line(List<Object> cells) {
        return cells.stream().map(Results::format).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    private static String format(Object cell) {
        if (cell instanceof Double number) {
            return number.isNaN() ? "–" : String.format(java.util.Locale.ROOT, number >= 100 ? "%.0f" : "%.2f", number);
        }
        return String.valueOf(cell);
    }
}
