package com.partnerflow.work;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.security.Caller;
import com.partnerflow.system.BadParameter;
import com.partnerflow.system.PageQuery;

/**
 * {@code GET /api/requests}: the index read for one caller. Whoever sees every partner's requests (vendor staff,
 * operations, administrators) sees every row; anyone else the rows one of their groups reads ({@code partner-ALFA},
 * {@code client-1001}, {@code finance}...).
 */
@Component
public class RequestList {

    static final Sort DEFAULT_SORT = Sort.by(Sort.Direction.DESC, "updatedAt", "id");
    static final Map<String, String> SORTABLE = Map.of("updated", "updatedAt,id", "created", "createdAt,id", "due", "dueAt,id");

    /** The filters of the list; null for none. */
    public record Filter(RequestKind kind, String status, String subscriber, Instant updatedSince) {

        /** No filter: every request the caller reads. */
        public static final Filter NONE = new Filter(null, null, null, null);
    }

    private final IndexedRequests index;
    private final RequestRegistry registry;

    RequestList(IndexedRequests index, RequestRegistry registry) {
        this.index = index;
        this.registry = registry;
    }

    /** {@code GET /api/requests}: one page of the requests the caller reads, as the API shows them. */
    @Transactional(readOnly = true)
    public Page<RequestView> list(Caller caller, Filter filter, PageQuery query) {
        return find(caller, filter, query).map(row -> RequestView.of(row, registry));
    }

    /**
     * {@code GET /api/requests/{kind}/{id}}: one request as the list shows it, to whoever reads the request by its own
     * rule ({@link RequestRegistry#readable}); anyone else, and a request the index does not list (a draft), reads 404.
     */
    @Transactional(readOnly = true)
    public RequestView one(RequestKind kind, String id, Caller caller) {
        registry.readable(kind, id, caller);
        return index.findByKindAndRequestId(kind, id).map(row -> RequestView.of(row, registry))
                .orElseThrow(() -> RequestRegistry.notFound(id));
    }

    @Transactional(readOnly = true)
    Page<IndexedRequest> find(Caller caller, Filter filter, PageQuery query) {
        if (filter.status() != null && !registry.statuses().contains(filter.status())) {
            throw new BadParameter("status", "Параметр status: неизвестный статус «" + filter.status() + "»: допустимы " + String.join(", ", registry.statuses()) + ".");
        }
        if (filter.subscriber() != null && !filter.subscriber().matches("\\d{1,32}")) {
            throw new BadParameter("subscriber", "Параметр subscriber: номер абонента — от 1 до 32 цифр.");
        }
        Pageable asked = query.pageable(DEFAULT_SORT, SORTABLE);
        Specification<IndexedRequest> where = readableBy(caller)
                .and(equal("kind", filter.kind()))
                .and(equal("status", filter.status()))
                .and(equal("subscriberNumber", filter.subscriber()))
                .and(filter.updatedSince() == null ? null
                        : (root, q, cb) -> cb.greaterThanOrEqualTo(root.get("updatedAt"), filter.updatedSince()))
                .and(orderedBy(asked.getSort()));
        Pageable page = PageRequest.of(asked.getPageNumber(), asked.getPageSize());
        return index.findAll(where, page);
    }

    private static Specification<IndexedRequest> readableBy(Caller caller) {
        if (caller.seesAllPartners()) {
            return Specification.where(null);
        }
        Set<String> groups = caller.groups();
        return (root, query, cb) -> {
            if (groups.isEmpty()) {
                return cb.disjunction();
            }
            Subquery<Long> readers = query.subquery(Long.class);
            Root<IndexedRequest> same = readers.correlate(root);
            Join<IndexedRequest, String> reader = same.join("readers");
            readers.select(cb.literal(1L)).where(reader.in(groups));
            return cb.exists(readers);
        };
    }

    /**
     * The order of the rows, set here rather than by the page: requests nothing waits for have no due date and come
     * last in both directions on every database, which a page's sort cannot say (null precedence) through criteria.
     */
    private static Specification<IndexedRequest> orderedBy(Sort sort) {
        return (root, query, cb) -> {
            if (!Long.class.equals(query.getResultType())) {
                List<Order> orders = new ArrayList<>();
                for (Sort.Order order : sort) {
                    if (order.getProperty().equals("dueAt")) {
                        orders.add(cb.asc(cb.selectCase().when(cb.isNull(root.get("dueAt")), 1).otherwise(0)));
                    }
                    orders.add(order.isAscending() ? cb.asc(root.get(order.getProperty())) : cb.desc(root.get(order.getProperty())));
                }
                query.orderBy(orders);
            }
            return null;
        };
    }

    private static Specification<IndexedRequest> equal(String attribute, Object value) {
        return value == null ? null : (root, query, cb) -> cb.equal(root.get(attribute), value);
    }
}
