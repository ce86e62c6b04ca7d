package com.partnerflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret of an API token: {@code pf_} and 32 random bytes in base64url (256 bits), so it can be stored as a plain
 * SHA-256 (ADR 0040: nothing to guess, so no slow hash is needed, and the hash finds the token in one index lookup).
 * {@link #toString()} never shows the secret.
 */
final class ApiTokenSecret {

    static final String SCHEME = "pf_";
    /** What a token looks like; anything else is refused without a database lookup. */
    private static final Pattern FORMAT = Pattern.compile("pf_[A-Za-z0-9_-]{43}");
    /** The characters shown to recognise a token: the scheme and 6 random characters (36 of its 256 bits). */
    private static final int PREFIX_LENGTH = SCHEME.length() + 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private ApiTokenSecret(String value) {
        this.value = value;
    }

    static ApiTokenSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ApiTokenSecret(SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A token as a client sent it, if it has the form of one. */
    static ApiTokenSecret parse(String presented) {
        return presented != null && FORMAT.matcher(presented).matches() ? new ApiTokenSecret(presented) : null;
    }

    /** The secret itself: shown once, to the person who creates the token; never stored, never logged. */
    String reveal() {
        return value;
    }

    String prefix() {
        return value.substring(0, PREFIX_LENGTH);
    }

    /** Lowercase hex of SHA-256 over the whole token. */
    String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return prefix() + "…";
    }
}
