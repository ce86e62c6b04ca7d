package com.partnerflow.transfer;

import java.time.LocalDate;

import com.partnerflow.document.StoredDocument;

/** What the client's letter says, as checked and stored: the data a correction may change. */
record TransferLetter(String subscriberName, RequestedPartner requestedPartner, String reason, LocalDate letterDate, StoredDocument document) {
}
