package com.partnerflow.subscriber;

import java.util.Locale;

import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;

import com.partnerflow.partner.Partner;

/** The conditions of the list of subscribers, as queries: who the caller may see, then the filters asked for. */
final class SubscriberListing {

    private SubscriberListing() {
    }

    static Specification<Subscriber> all() {
        return (root, query, cb) -> cb.conjunction();
    }

    static Specification<Subscriber> servedBy(Partner partner) {
        return (root, query, cb) -> cb.equal(root.get("partner"), partner);
    }

    /** The organizations the user acts for as a client user ({@link ClientAccess}). */
    static Specification<Subscriber> actedForBy(String userId) {
        return (root, query, cb) -> {
            Subquery<Long> access = query.subquery(Long.class);
            var client = access.from(ClientAccess.class);
            access.select(client.get("subscriber").get("id")).where(cb.equal(client.get("userId"), userId));
            return root.get("id").in(access);
        };
    }

    static Specification<Subscriber> matching(SubscriberFilter filter) {
        Specification<Subscriber> matching = all();
        if (filter.status() != null) {
            matching = matching.and((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            String text = escape(filter.search().trim());
            matching = matching.and((root, query, cb) -> cb.or(
                    cb.like(root.get("number"), text + "%", '\\'),
                    cb.like(root.get("inn"), text + "%", '\\'),
                    cb.like(cb.lower(root.get("name")), "%" + text.toLowerCase(Locale.ROOT) + "%", '\\')));
        }
        return matching;
    }

    /** A search is text, never a pattern: {@code %} and {@code _} match themselves. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
