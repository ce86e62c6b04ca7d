package com.partnerflow.work;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, indexes every request missing from the index: all of them on a database from before the index (V21), and
 * whatever was written around the engine (data loaded by hand). Runs after the demo data (which the listeners index
 * as it is made) and tells no events: these requests are not new. In transactions of {@value #BATCH} requests.
 */
@Component
class RequestIndexBackfill {

    private static final Logger log = LoggerFactory.getLogger(RequestIndexBackfill.class);
    static final int BATCH = 100;

    private final RequestRegistry registry;
    private final IndexedRequests index;
    private final RequestIndexer indexer;
    private final TransactionTemplate transactions;

    RequestIndexBackfill(RequestRegistry registry, IndexedRequests index, RequestIndexer indexer, TransactionTemplate transactions) {
        this.registry = registry;
        this.index = index;
        this.indexer = indexer;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1000)
    public void backfill() {
        for (RequestSource source : registry.sources()) {
            Set<String> indexed = new HashSet<>(transactions.execute(status -> index.findRequestIdsByKind(source.kind())));
            List<String> missing = transactions.execute(status -> source.ids()).stream().filter(id -> !indexed.contains(id)).toList();
            for (int from = 0; from < missing.size(); from += BATCH) {
                List<String> batch = missing.subList(from, Math.min(from + BATCH, missing.size()));
                transactions.executeWithoutResult(status -> batch.forEach(id -> indexer.refresh(new RequestRef(source.kind(), id), false)));
            }
            if (!missing.isEmpty()) {
                log.info("Indexed {} {} missing from the request index", missing.size(), source.kind().path());
            }
        }
    }
}
