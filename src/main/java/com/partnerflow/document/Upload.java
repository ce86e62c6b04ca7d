package com.partnerflow.document;

/** A file as a person uploaded it: the name is kept for display only, never trusted for its type. */
public record Upload(String fileName, byte[] content) {

    public Upload {
        content = content == null ? new byte[0] : content;
        fileName = fileName == null || fileName.isBlank() ? "document" : fileName.strip();
        if (fileName.length() > 200) {
            fileName = fileName.substring(fileName.length() - 200);
        }
    }
}
