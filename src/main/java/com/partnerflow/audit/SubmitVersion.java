package com.partnerflow.audit;

import java.util.List;

import com.partnerflow.document.Upload;

/**
 * A version as a developer submits it for audit, unchecked. It names its extension either by id
 * ({@code POST /api/extensions/{id}/versions}) or by a draft (the Tasklist start form), which finds the
 * developer's extension of that name or registers it.
 *
 * @param recipients subscriber numbers, for distribution to one or several clients
 */
public record SubmitVersion(Long extensionId, ExtensionDraft extension, String version, String targetApplicationVersion,
                            String changeNotes, Distribution distribution, List<String> recipients, Upload file) {

    public SubmitVersion {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
