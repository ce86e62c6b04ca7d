package com.partnerflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import com.partnerflow.system.BusinessRuleViolation;

/** The letter checks and storage without Spring: the rules every submission path goes through. */
class DocumentServiceTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
    static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    final StoredDocuments documents = mock(StoredDocuments.class);
    final DocumentService service = new DocumentService(documents, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void refusesAMissingOrEmptyLetter() {
        assertThatThrownBy(() -> service.checkLetter(null)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("файл не выбран или пуст");
        assertThatThrownBy(() -> service.checkLetter(new Upload("letter.pdf", new byte[0])))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        violation -> assertThat(violation.kind()).isEqualTo(BusinessRuleViolation.Kind.INVALID))
                .hasMessage("Приложите скан письма клиента: файл не выбран или пуст.");
    }

    @Test
    void refusesALetterOfMoreThanTenMebibytesEvenWithAPdfHeader() {
        assertThatThrownBy(() -> service.checkLetter(new Upload("letter.pdf", pdfOfSize(10 * 1024 * 1024 + 1))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Файл письма слишком большой: допускается не более 10 МБ.");
    }

    @Test
    void acceptsALetterOfExactlyTenMebibytes() {
        assertThat(service.checkLetter(new Upload("letter.pdf", pdfOfSize(10 * 1024 * 1024)))).isEqualTo(MediaTypeSniffer.PDF);
    }

    @Test
    void acceptsScansAsJpeg() {
        assertThat(service.checkLetter(new Upload("скан.jpg", JPEG))).isEqualTo(MediaTypeSniffer.JPEG);
    }

    @Test
    void refusesContentThatIsNoLetterFormatWhateverItsName() {
        Upload renamedText = new Upload("letter.pdf", "Прошу перевести абонента".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> service.checkLetter(renamedText)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Письмо должно быть файлом PDF, JPEG или PNG; содержимое файла «letter.pdf» не является ни одним из них.");
    }

    @Test
    void storesALetterWithItsSha256AndWhoUploadedIt() throws Exception {
        when(documents.save(any())).thenAnswer(invocation -> invocation.getArgument(0));

        StoredDocument stored = service.storeLetter(new Upload("письмо.pdf", PDF), "boris");

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        assertThat(stored.getSha256()).isEqualTo(expected).hasSize(64);
        assertThat(stored.getMediaType()).isEqualTo("application/pdf");
        assertThat(stored.getSize()).isEqualTo(PDF.length);
        assertThat(stored.getContent()).isEqualTo(PDF);
        assertThat(stored.getFileName()).isEqualTo("письмо.pdf");
        assertThat(stored.getUploadedBy()).isEqualTo("boris");
        assertThat(stored.getUploadedAt()).isEqualTo(NOW);
        verify(documents).save(stored);
    }

    @Test
    void theChecksumOfTheEmptyInputIsTheKnownOne() {
        assertThat(DocumentService.sha256(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void storesNothingWhenTheLetterIsRefused() {
        assertThatThrownBy(() -> service.storeLetter(new Upload("letter.pdf", "text".getBytes(StandardCharsets.UTF_8)), "boris"))
                .isInstanceOf(BusinessRuleViolation.class);
        verify(documents, never()).save(any());
    }

    private static byte[] pdfOfSize(int size) {
        byte[] content = Arrays.copyOf(PDF, size);
        Arrays.fill(content, PDF.length, size, (byte) ' ');
        return content;
    }
}
