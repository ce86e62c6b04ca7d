package com.partnerflow.document;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredDocuments extends JpaRepository<StoredDocument, Long> {
}
