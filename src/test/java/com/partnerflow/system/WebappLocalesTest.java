package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Camunda webapps speak Russian completely: for each webapp, every label of the {@code en.json} that the Camunda
 * webjar on the classpath ships has a Russian one in our {@code ru.json}, with the same {{placeholders}}, and our
 * {@code config.js} makes Russian its language. A Camunda upgrade that brings new labels fails here, naming them,
 * instead of showing English to our users. No Spring, no browser: the files as the webapps serve them.
 */
class WebappLocalesTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    /** Every app's config.js takes its locales from here (one language for all the webapps of a browser). */
    private static final String LANGUAGE_MODULE = APP + "partnerflow-locales.js";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
    private static final Pattern IMPORTS_LOCALES = Pattern.compile(
            "import\\s*\\{[^}]*\\blocales\\b[^}]*}\\s*from\\s*'\\.\\./\\.\\./partnerflow-locales\\.js'\\s*;");
    private static final Pattern EXPORTS_LOCALES = Pattern.compile("export\\s+default\\s*\\{.*\\blocales\\b.*}", Pattern.DOTALL);
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void everyEnglishLabelOfTheShippedWebappHasARussianOne(String app) throws IOException {
        JsonNode english = shipped(APP + app + "/locales/en.json");
        JsonNode russian = ours(APP + app + "/locales/ru.json");
        List<String> problems = new ArrayList<>();

        Map<String, String> en = labels(english);
        Map<String, String> ru = labels(russian);
        en.forEach((key, text) -> {
            String translation = ru.get(key);
            if (translation == null || translation.isBlank() && !text.isBlank()) {
                problems.add("no Russian for " + key + " (\"" + text + "\")");
            } else if (!placeholders(translation).containsAll(placeholders(text))) {
                Set<String> missing = new TreeSet<>(placeholders(text));
                missing.removeAll(placeholders(translation));
                problems.add(key + " lacks " + missing);
            }
        });
        ru.keySet().stream().filter(key -> !en.containsKey(key)).forEach(key -> problems.add(key + " is not in en.json"));
        if (english.has("dateLocales")) {
            Set<String> wanted = fieldNames(english.get("dateLocales"));
            Set<String> given = russian.has("dateLocales") ? fieldNames(russian.get("dateLocales")) : Set.of();
            if (!given.equals(wanted)) {
                problems.add("dateLocales has " + given + ", en.json has " + wanted);
            }
        }

        assertThat(problems).as("%s: ru.json against the en.json of Camunda's webjar", app).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void theWebappTakesItsLanguageFromOurLanguageModule(String app) throws IOException {
        String config = withoutComments(text(ourFile(APP + app + "/scripts/config.js", "our " + app + "/scripts/config.js")));

        assertThat(IMPORTS_LOCALES.matcher(config).find())
                .as("%s/scripts/config.js imports {locales} from '../../partnerflow-locales.js'", app).isTrue();
        assertThat(EXPORTS_LOCALES.matcher(config).find())
                .as("%s/scripts/config.js exports those locales in its configuration", app).isTrue();
    }

    @Test
    void theLanguageModuleChoosesRussianUnlessTheBrowserAskedForEnglish() throws IOException {
        String module = withoutComments(text(ourFile(LANGUAGE_MODULE, "the language module")));

        assertThat(module)
                .contains("const LANGUAGES = ['ru', 'en'];")
                .contains("const DEFAULT_LANGUAGE = 'ru';")
                .containsPattern("availableLocales:\\s*\\[language]")
                .containsPattern("fallbackLocale:\\s*language");
    }

    /** The file as the Camunda webjar ships it, even if our classpath overrides it. */
    private JsonNode shipped(String path) throws IOException {
        for (URL url : Collections.list(getClass().getClassLoader().getResources(path))) {
            if ("jar".equals(url.getProtocol())) {
                return parse(url);
            }
        }
        throw new AssertionError("The Camunda webjar on the classpath has no " + path);
    }

    private JsonNode ours(String path) throws IOException {
        return parse(ourFile(path, "our " + path.substring(APP.length())));
    }

    /** The file in our own resources (a directory on the classpath, not a jar). */
    private URL ourFile(String path, String what) throws IOException {
        for (URL url : Collections.list(getClass().getClassLoader().getResources(path))) {
            if ("file".equals(url.getProtocol())) {
                return url;
            }
        }
        throw new AssertionError(what + " is missing: src/main/resources/" + path);
    }

    /** Camunda's en.json files begin with a UTF-8 byte order mark, which Jackson does not take. */
    private JsonNode parse(URL url) throws IOException {
        return json.readTree(text(url).replaceFirst("^\uFEFF", ""));
    }

    private static String text(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> labels(JsonNode locale) {
        Map<String, String> labels = new TreeMap<>();
        locale.path("labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
        return labels;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add("{{" + matcher.group(1) + "}}");
        }
        return names;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static String withoutComments(String script) {
        return COMMENTS.matcher(script).replaceAll("");
    }
}
