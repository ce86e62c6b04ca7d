package com.partnerflow.system;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Something a partner (or a client) may want to hear about a request, published as a Spring application event inside
 * the transaction of the change itself: whoever listens (the webhooks) records it in that transaction, so an event is
 * never sent for a change that rolled back, nor lost for one that committed.
 *
 * @param type        what happened
 * @param requestKind the kind of request, as in {@code /api/requests/{kind}/{id}}: {@code transfers}, ...
 * @param requestId   the request's id within its kind
 * @param partners    the codes of the partners the request concerns (who may read it); an event goes to these only
 * @param clients     the numbers of the subscribers whose users take part in the request
 * @param data        what the event says, JSON-ready values only (strings, numbers, booleans, lists, maps): for
 *                    {@code STATUS_CHANGED} {@code status} and {@code previousStatus}; for the task events {@code taskId},
 *                    {@code taskKind}, {@code name}, {@code due}; for {@code DECISION_MADE} also {@code decision}
 */
public record RequestEvent(Type type, String requestKind, String requestId, Set<String> partners, Set<String> clients,
                           Map<String, Object> data, Instant occurredAt) {

    public enum Type {
        /** A request was submitted (or opened by the vendor). */
        REQUEST_CREATED("request.created"),
        /** A request's status changed. */
        STATUS_CHANGED("request.status_changed"),
        /** A task now waits for the partner (or the client): a candidate group of theirs. */
        TASK_WAITING("task.waiting"),
        /** A task of the request was completed with a decision. */
        DECISION_MADE("task.decision_made");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** The name in webhooks and in the API: {@code request.created}. */
        public String wireName() {
            return wireName;
        }
    }

    public RequestEvent {
        partners = Set.copyOf(partners);
        clients = Set.copyOf(clients);
        data = Map.copyOf(data);
    }
}
