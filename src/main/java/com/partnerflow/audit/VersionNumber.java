package com.partnerflow.audit;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A version number as 1C developers write it: one to four numbers separated by dots ({@code 1.0.3.15}).
 * Compared number by number, so 1.10 is newer than 1.9 and 1.2 equals 1.2.0.
 */
record VersionNumber(int[] parts) implements Comparable<VersionNumber> {

    static final String FORMAT = "от одного до четырех чисел через точку, например 1.0.3";
    private static final Pattern PATTERN = Pattern.compile("\\d{1,6}(\\.\\d{1,6}){0,3}");

    static Optional<VersionNumber> parse(String text) {
        if (text == null || !PATTERN.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new VersionNumber(Arrays.stream(text.strip().split("\\.")).mapToInt(Integer::parseInt).toArray()));
    }

    @Override
    public int compareTo(VersionNumber other) {
        for (int i = 0; i < Math.max(parts.length, other.parts.length); i++) {
            int difference = Integer.compare(part(i), other.part(i));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    boolean isNewerThan(VersionNumber other) {
        return compareTo(other) > 0;
    }

    private int part(int index) {
        return index < parts.length ? parts[index] : 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionNumber number && compareTo(number) == 0;
    }

    @Override
    public int hashCode() {
        int end = parts.length;
        while (end > 1 && parts[end - 1] == 0) {
            end--;
        }
        return Arrays.hashCode(Arrays.copyOf(parts, end));
    }

    @Override
    public String toString() {
        return String.join(".", Arrays.stream(parts).mapToObj(Integer::toString).toList());
    }
}
