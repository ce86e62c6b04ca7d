package com.partnerflow.work;

import org.springframework.stereotype.Component;

/**
 * For a feature whose request changes outside its process (no task created or completed, no instance started or
 * ended): tells the index of {@code GET /api/requests} to refresh the request from its snapshot before the transaction
 * commits, with the events that follows (a new reader after a subscriber's transfer, say).
 */
@Component
public class RequestChanges {

    private final RequestIndexer indexer;

    RequestChanges(RequestIndexer indexer) {
        this.indexer = indexer;
    }

    public void changed(RequestKind kind, String id) {
        indexer.touched(new RequestRef(kind, id));
    }
}
