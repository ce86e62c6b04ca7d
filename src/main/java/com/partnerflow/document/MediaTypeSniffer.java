package com.partnerflow.document;

import java.util.Arrays;
import java.util.Optional;

/**
 * Recognizes a file by its content (magic bytes), never by its name or the type the client
 * claims. Only the formats PartnerFlow accepts are known; Apache Tika would do the same for
 * hundreds of formats at the price of a large dependency.
 */
public enum MediaTypeSniffer {

    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String mediaType;
    private final byte[] signature;

    MediaTypeSniffer(String mediaType, byte[] signature) {
        this.mediaType = mediaType;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<MediaTypeSniffer> detect(byte[] content) {
        return Arrays.stream(values())
                .filter(type -> content.length >= type.signature.length
                        && Arrays.equals(content, 0, type.signature.length, type.signature, 0, type.signature.length))
                .findFirst();
    }
}
