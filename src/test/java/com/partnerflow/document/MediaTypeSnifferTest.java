package com.partnerflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The content check of uploaded letters: magic bytes decide, never the name. */
class MediaTypeSnifferTest {

    static Stream<Arguments> recognizedFiles() {
        return Stream.of(
                Arguments.of("PDF 1.4", ascii("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"), MediaTypeSniffer.PDF, "application/pdf"),
                Arguments.of("bare PDF signature", ascii("%PDF-"), MediaTypeSniffer.PDF, "application/pdf"),
                Arguments.of("JPEG (JFIF)", bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F'), MediaTypeSniffer.JPEG, "image/jpeg"),
                Arguments.of("JPEG (Exif)", bytes(0xFF, 0xD8, 0xFF, 0xE1), MediaTypeSniffer.JPEG, "image/jpeg"),
                Arguments.of("PNG", bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'),
                        MediaTypeSniffer.PNG, "image/png"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recognizedFiles")
    void recognizesALetterFormatByItsMagicBytes(String description, byte[] content, MediaTypeSniffer type, String mediaType) {
        assertThat(MediaTypeSniffer.detect(content)).contains(type);
        assertThat(type.mediaType()).isEqualTo(mediaType);
    }

    static Stream<Arguments> unrecognizedFiles() {
        return Stream.of(
                Arguments.of("plain text", ascii("Прошу перевести абонента 1001".repeat(3))),
                Arguments.of("ZIP (a .docx)", bytes('P', 'K', 3, 4, 20, 0, 6, 0)),
                Arguments.of("GIF", ascii("GIF89a")),
                Arguments.of("HTML", ascii("<html><body>%PDF-1.4</body></html>")),
                Arguments.of("PDF signature not at the start", ascii(" %PDF-1.4")),
                Arguments.of("lower-case pdf", ascii("%pdf-1.4")),
                Arguments.of("empty", new byte[0]),
                Arguments.of("start of a PDF signature only", ascii("%PDF")),
                Arguments.of("start of a JPEG signature only", bytes(0xFF, 0xD8)),
                Arguments.of("PNG signature without its last byte", bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A)),
                Arguments.of("one byte", bytes(0xFF)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unrecognizedFiles")
    void doesNotRecognizeOtherContent(String description, byte[] content) {
        assertThat(MediaTypeSniffer.detect(content)).isEmpty();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
