package com.partnerflow.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The bytes of a {@link StoredDocument}. */
@Entity
@Table(name = "document_content")
class DocumentContent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    private byte[] bytes;

    protected DocumentContent() {
    }

    DocumentContent(byte[] bytes) {
        this.bytes = bytes;
    }

    byte[] getBytes() {
        return bytes;
    }
}
