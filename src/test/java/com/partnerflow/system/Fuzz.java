package com.partnerflow.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile values from a seeded {@link Random}: the same seed gives the same cases, so a failure names
 * its seed and case number and replays with {@code -Dfuzz.seed=…}. Hand-written rather than jqwik:
 * the cases must run inside the one shared Spring context of {@link com.partnerflow.IntegrationTest}
 * (jqwik's engine does not run JUnit Jupiter's Spring extension), and what we need is a pool of known
 * nasty values mixed with random ones, not shrinking.
 */
final class Fuzz {

    /** Text a client may send: boundaries, unicode, markup, SQL, expressions, control characters. */
    static final List<String> NASTY = List.of(
            "", " ", "   ", "\t", "\n", "\r\n", "0", "-1", "1", "00000000000000000001", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "1e309", "NaN", "Infinity", "0x1F", "1.0.0", "true", "null",
            "undefined", "2026-02-30", "0000-00-00", "9999-12-31", "2026-13-01", "1999-01", "2026-00", "ALL", "APPROVE",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<b>жирный</b>",
            "' OR '1'='1", "1; DROP TABLE subscriber; --", "%' --", "'; select * from act_id_user; --", "\\", "\\\"",
            "\"}", "{\"a\":1}", "[]", "${1+1}", "#{1+1}", "#{runtimeService}", "${execution.setVariable('x', 1)}",
            "%s%s%s%n", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "a\r\nSet-Cookie: x=1", "\u0000",
            "a\u0000b", "\u202Eevil\u202C", "\u200B", "\uFEFF", "e\u0301", "Ǆ", "ß", "İ", "😀", "👨‍👩‍👧‍👦",
            "\uD83D", "𝕏𝕐", "ООО «Ромашка»", "Ромашка", "Иванов Иван Иванович", "user@example.com",
            "a@b", "@", "ivan@romashka.example\n", "=1+2", "+7 (999) 123-45-67", "@SUM(1+1)*cmd|' /C calc'!A0",
            "7707083893", "770701001", "500100732259", "SIGN", "CONFIGURATION_EXTENSION", "PARTNER", "CLIENT");

    private static final int[] LENGTHS = {1, 2, 8, 9, 10, 12, 13, 19, 20, 21, 40, 41, 100, 101, 150, 151, 200, 201, 254, 255,
            256, 1000, 2000, 2001, 4000, 4001, 10_000};

    private static final String ALPHABETS = "aZ09 .,;:-_/\\\"'<>&%$#@!?*()[]{}|~`^+=ЖжЁё«»№€漢字ء\u00A0\t";

    private final Random random;

    Fuzz(long seed) {
        random = new Random(seed);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    @SafeVarargs
    final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Any text: a nasty one, a boundary length, random code points, or rarely a huge one. */
    String text() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> pick(NASTY);
            case 4, 5 -> repeat(pick("a", "Ж", "9", " ", "<", "😀"), LENGTHS[random.nextInt(LENGTHS.length)]);
            case 6, 7 -> randomText(1 + random.nextInt(40));
            case 8 -> pick(NASTY) + randomText(random.nextInt(5)) + pick(NASTY);
            default -> chance(10) ? repeat("Я", 100_000 + random.nextInt(10)) : randomCodePoints(1 + random.nextInt(30));
        };
    }

    /** A value for a path segment or query parameter: numbers around the edges of long, or any text. */
    String token() {
        return switch (random.nextInt(4)) {
            case 0 -> String.valueOf(pick(0L, -1L, 1L, 2L, Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1, random.nextLong()));
            case 1 -> String.valueOf(random.nextInt(100_000));
            default -> text();
        };
    }

    /** Any JSON value: text, a number, a boolean, null, a list or an object. */
    Object json(int depth) {
        return switch (random.nextInt(depth > 2 ? 7 : 10)) {
            case 0, 1, 2 -> text();
            case 3 -> pick(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, random.nextLong());
            case 4 -> pick(0.5, -0.0, 1e308, -1e-308, 3.14159, Double.MAX_VALUE);
            case 5 -> random.nextBoolean();
            case 6 -> null;
            case 7, 8 -> list(depth);
            default -> object(depth);
        };
    }

    private List<Object> list(int depth) {
        int size = chance(3) ? 1001 + random.nextInt(10) : random.nextInt(5);
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            list.add(size > 1000 ? "x" + i : json(depth + 1));
        }
        return list;
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            map.put(chance(50) ? pick("name", "email", "kind", "id", "value", "type", "__proto__", "constructor") : text(), json(depth + 1));
        }
        return map;
    }

    /** A JSON document that is broken, of the wrong shape, or empty. */
    String brokenJson() {
        return pick("", "{", "}", "[", "{\"a\":", "{\"a\" 1}", "null", "[]", "[{}]", "\"text\"", "42", "true", "{'a': 1}",
                "{\"a\":1,}", "{\"a\":01}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\uD800\"}", "\uFEFF{}", "{}{}",
                "<?xml version=\"1.0\"?><a/>", "a=1&b=2", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{" + "\"k\":1,".repeat(20_000) + "\"k\":2}");
    }

    /** A Camunda typed value as a REST client may send it: the right type, a wrong one, or nonsense. */
    Map<String, Object> typedValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        String type = pick("String", "String", "String", "Boolean", "Integer", "Long", "Short", "Double", "Date", "Json", "Xml",
                "Object", "Null", "Bytes", "File", "Unknown", "string", "", null);
        if (type != null || chance(50)) {
            value.put("type", type);
        }
        value.put("value", switch (type == null ? "" : type) {
            case "Boolean" -> pick(true, false, "true", "да", 1, null);
            case "Integer", "Long", "Short" -> pick(0, -1, Integer.MAX_VALUE, Long.MAX_VALUE, "12", "abc", 1.5, null);
            case "Double" -> pick(0.1, -1e308, "1,5", "NaN", null);
            case "Date" -> pick("2026-01-01T00:00:00.000+0000", "2026-02-30T00:00:00.000+0000", "yesterday", 0, null);
            case "Json" -> pick("[]", "{}", "[{\"name\":\"a\",\"email\":\"b\"}]", "[1,2]", "{", "\"x\"", "null",
                    "[" + "{\"name\":\"x\"},".repeat(2000) + "{}]", text());
            case "Xml" -> pick("<a/>", "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>", "<", text());
            case "Object" -> pick("{}", "[]", "\"x\"", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==", text());
            case "Bytes", "File" -> pick(Base64.getEncoder().encodeToString(bytes(random.nextInt(64))), "!!not base64!!", "", null);
            default -> json(1);
        });
        if (chance(30) || "Object".equals(type) || "File".equals(type)) {
            Map<String, Object> info = new LinkedHashMap<>();
            if (chance(70)) {
                info.put("objectTypeName", pick("java.util.ArrayList", "java.lang.Runtime", "java.util.HashMap",
                        "com.partnerflow.system.BusinessRuleViolation", "javax.management.BadAttributeValueExpException", text()));
            }
            if (chance(70)) {
                info.put("serializationDataFormat", pick("application/json", "application/x-java-serialized-object",
                        "application/xml", text()));
            }
            if (chance(50)) {
                info.put("filename", pick("letter.pdf", "x.epf", "../../x.epf", "", text()));
                info.put("mimeType", pick("application/pdf", "text/html", text()));
            }
            if (chance(50)) {
                info.put("transient", pick(true, false, "yes"));
            }
            value.put("valueInfo", info);
        }
        return value;
    }

    byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABETS.charAt(random.nextInt(ALPHABETS.length())));
        }
        return text.toString();
    }

    /** Any code points, including unassigned ones and lone surrogates. */
    private String randomCodePoints(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextInt(chance(20) ? 0x110000 : 0x3000);
            if (Character.isValidCodePoint(codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    private static String repeat(String unit, int length) {
        return unit.repeat(Math.max(1, length / unit.length()));
    }

    static String describe(Object value) {
        String text = value instanceof byte[] bytes ? "<" + bytes.length + " bytes>" : String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200) + "…(" + text.length() + " chars)" : text;
    }

    static List<String> words(String... values) {
        return Arrays.asList(values);
    }
}
