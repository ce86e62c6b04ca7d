package com.partnerflow.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

import com.partnerflow.document.Upload;

/** The multipart form of {@code POST /api/extensions/{id}/versions}; every field is checked by {@link ExtensionService}. */
record VersionSubmission(String version, String targetApplicationVersion, String changeNotes, Distribution distribution,
                         List<String> recipients, MultipartFile file) {

    SubmitVersion toCommand() {
        try {
            return new SubmitVersion(null, null, version, targetApplicationVersion, changeNotes, distribution, recipients,
                    file == null ? null : new Upload(file.getOriginalFilename(), file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
