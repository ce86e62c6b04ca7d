package com.partnerflow.document;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.web.multipart.MultipartFile;

import com.partnerflow.system.BusinessRuleViolation;

/**
 * A file as a person uploaded it: the name is kept for display only, never trusted for its type. A name with a
 * control character (NUL, a line break, DEL) or an invisible formatting one (a right-to-left override that shows
 * «gpj.exe» as «exe.jpg», a zero-width space) is refused, through every door: it would be shown to other people
 * and sent back in {@code Content-Disposition}.
 */
public record Upload(String fileName, byte[] content) {

    public static final String INVALID_NAME = "Имя файла содержит недопустимые (управляющие или невидимые) символы: "
            + "переименуйте файл и отправьте снова.";

    public Upload {
        content = content == null ? new byte[0] : content;
        fileName = fileName == null || fileName.isBlank() ? "document" : fileName.strip();
        if (!printable(fileName)) {
            throw BusinessRuleViolation.invalid(INVALID_NAME);
        }
        if (fileName.length() > 200) {
            fileName = fileName.substring(fileName.length() - 200);
        }
    }

    /** A file part of a multipart request, or null when the request has none. */
    public static Upload of(MultipartFile file) {
        if (file == null) {
            return null;
        }
        try {
            return new Upload(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean printable(String name) {
        return name.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SURROGATE);
    }
}
