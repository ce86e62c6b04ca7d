package com.partnerflow.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Native SQL, since a partner's list reads each side of its transfers from that side's index ({@code V6}, and
 * {@code V22} for the order by change) and cuts it at the page's end before the two are merged:
 * {@code from = ? or to = ?} would make the database read and sort every transfer of every partner. The filters are
 * conditions on both sides; the order is one of the columns below, never text from the request.
 */
class TransferListingImpl implements TransferListing {

    /** The entity properties a list may be sorted by, to their columns. */
    private static final Map<String, String> COLUMNS = Map.of("createdAt", "created_at", "updatedAt", "updated_at");

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Page<Long> findIds(Long partnerId, TransferFilter filter, Pageable page) {
        Sort.Order order = page.getSort().stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a list of transfers needs an order"));
        String column = COLUMNS.get(order.getProperty());
        if (column == null) {
            throw new IllegalArgumentException("transfers are not sorted by " + order.getProperty());
        }
        String direction = order.isAscending() ? "asc" : "desc";
        String orderBy = " order by sort_at " + direction + ", id " + direction;
        String conditions = conditions(filter);
        String select;
        String count;
        if (partnerId == null) {
            select = "select id, " + column + " as sort_at from transfer_request where 1 = 1" + conditions + orderBy;
            count = "select count(*) from transfer_request where 1 = 1" + conditions;
        } else {
            // the page's end as a number in the text: bound as a parameter, H2 answered the second page empty
            String side = "(select id, " + column + " as sort_at from transfer_request where %s = :partnerId" + conditions
                    + orderBy + " fetch first " + Math.addExact(page.getOffset(), page.getPageSize()) + " rows only)";
            select = "select id, sort_at from (" + side.formatted("from_partner_id") + " union all "
                    + side.formatted("to_partner_id") + ") involved" + orderBy;
            // a partner never takes over its own subscriber, so no transfer is on both sides
            count = "select (select count(*) from transfer_request where from_partner_id = :partnerId" + conditions
                    + ") + (select count(*) from transfer_request where to_partner_id = :partnerId" + conditions + ")";
        }
        Query ids = entityManager.createNativeQuery(select + " offset :offset rows fetch first :size rows only");
        Query total = entityManager.createNativeQuery(count);
        for (Query query : List.of(ids, total)) {
            bind(query, partnerId, filter);
        }
        ids.setParameter("offset", page.getOffset()).setParameter("size", page.getPageSize());
        List<Long> content = new ArrayList<>();
        for (Object row : ids.getResultList()) {
            content.add(((Number) ((Object[]) row)[0]).longValue());
        }
        return new PageImpl<>(content, page, ((Number) total.getSingleResult()).longValue());
    }

    private static String conditions(TransferFilter filter) {
        StringBuilder sql = new StringBuilder();
        if (filter.status() != null) {
            sql.append(" and status = :status");
        }
        if (filter.subscriber() != null) {
            sql.append(" and subscriber_id in (select s.id from subscriber s where s.number = :subscriber)");
        }
        if (filter.updatedSince() != null) {
            sql.append(" and updated_at >= :updatedSince");
        }
        return sql.toString();
    }

    private static void bind(Query query, Long partnerId, TransferFilter filter) {
        if (partnerId != null) {
            query.setParameter("partnerId", partnerId);
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status().name());
        }
        if (filter.subscriber() != null) {
            query.setParameter("subscriber", filter.subscriber());
        }
        if (filter.updatedSince() != null) {
            query.setParameter("updatedSince", filter.updatedSince());
        }
    }
}
