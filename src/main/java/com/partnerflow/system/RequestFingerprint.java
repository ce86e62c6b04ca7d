package com.partnerflow.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.springframework.http.MediaType;

/**
 * What makes two requests "the same request" for {@link IdempotencyFilter}: a SHA-256 of method, path, query and
 * content. A multipart body is taken part by part (its boundary differs on every send), sorted by name (a field's
 * values stay in the order sent); a form by its parameters; anything else byte for byte, and then the request to
 * hand on is a copy whose body can be read again.
 *
 * @param hash    hex SHA-256
 * @param request the request to pass down the chain
 */
record RequestFingerprint(String hash, HttpServletRequest request) {

    static final int MAX_BODY = 1024 * 1024;

    /** Null when the body cannot be read here (too large, malformed): such a request is refused downstream anyway. */
    static RequestFingerprint of(HttpServletRequest request) throws IOException {
        MessageDigest digest = sha256();
        update(digest, request.getMethod());
        update(digest, request.getRequestURI());
        update(digest, Objects.toString(request.getQueryString(), ""));
        String mediaType = Objects.toString(request.getContentType(), "").split(";")[0].trim().toLowerCase(Locale.ROOT);
        HttpServletRequest forward = request;
        try {
            if (mediaType.equals(MediaType.MULTIPART_FORM_DATA_VALUE)) {
                // the container keeps the parsed parts for the controller
                for (Part part : request.getParts().stream().sorted(Comparator.comparing(Part::getName)).toList()) {
                    update(digest, part.getName());
                    update(digest, Objects.toString(part.getSubmittedFileName(), ""));
                    try (InputStream content = part.getInputStream()) {
                        digest.update(content.readAllBytes());
                    }
                }
            } else if (mediaType.equals(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
                new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
                    update(digest, name);
                    for (String value : values) {
                        update(digest, value);
                    }
                });
            } else {
                byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
                if (body.length > MAX_BODY) {
                    return null;
                }
                digest.update(body);
                forward = new CachedBodyRequest(request, body);
            }
        } catch (ServletException | IllegalStateException unreadable) {
            return null;
        }
        return new RequestFingerprint(HexFormat.of().formatHex(digest.digest()), forward);
    }

    /** Length-prefixed, so that ("ab", "c") and ("a", "bc") differ. */
    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
