package com.partnerflow.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.system.BusinessRuleViolation;

@Service
public class DocumentService {

    /** A signed letter: a scan or a PDF of at most 10 MB. */
    public static final long MAX_LETTER_BYTES = 10L * 1024 * 1024;
    public static final Set<MediaTypeSniffer> LETTER_TYPES = Set.of(MediaTypeSniffer.PDF, MediaTypeSniffer.JPEG, MediaTypeSniffer.PNG);

    private final StoredDocuments documents;
    private final Clock clock;

    DocumentService(StoredDocuments documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    /** Checks a signed letter without storing it; the same rules {@link #storeLetter} applies. */
    public MediaTypeSniffer checkLetter(Upload upload) {
        if (upload == null || upload.content().length == 0) {
            throw BusinessRuleViolation.invalid("Приложите скан письма клиента: файл не выбран или пуст.");
        }
        if (upload.content().length > MAX_LETTER_BYTES) {
            throw BusinessRuleViolation.invalid("Файл письма слишком большой: допускается не более 10 МБ.");
        }
        return MediaTypeSniffer.detect(upload.content())
                .filter(LETTER_TYPES::contains)
                .orElseThrow(() -> BusinessRuleViolation.invalid(
                        "Письмо должно быть файлом PDF, JPEG или PNG; содержимое файла «" + upload.fileName()
                                + "» не является ни одним из них."));
    }

    /** Stores a signed letter after {@link #checkLetter checking} it. Joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredDocument storeLetter(Upload upload, String uploadedBy) {
        MediaTypeSniffer type = checkLetter(upload);
        return documents.save(new StoredDocument(upload.fileName(), type.mediaType(), upload.content(),
                sha256(upload.content()), uploadedBy, clock.instant()));
    }

    /**
     * Stores a file whose content the caller has checked (an extension: its format is known by its name
     * only). Joins the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredDocument store(Upload upload, String mediaType, String uploadedBy) {
        return documents.save(new StoredDocument(upload.fileName(), mediaType, upload.content(),
                sha256(upload.content()), uploadedBy, clock.instant()));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
