package com.partnerflow.work;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import com.partnerflow.security.Caller;
import com.partnerflow.system.BusinessRuleViolation;

/** Every {@link RequestSource}, by kind and by process key; each kind and each process key has at most one source. */
@Component
public class RequestRegistry {

    private final Map<RequestKind, RequestSource> byKind = new EnumMap<>(RequestKind.class);
    private final Map<String, RequestSource> byProcess = new HashMap<>();

    RequestRegistry(List<RequestSource> sources) {
        for (RequestSource source : sources) {
            if (byKind.put(source.kind(), source) != null) {
                throw new IllegalStateException("Two request sources for " + source.kind());
            }
            for (String processKey : source.processKeys()) {
                if (byProcess.put(processKey, source) != null) {
                    throw new IllegalStateException("Two request sources for the process " + processKey);
                }
            }
        }
    }

    public Collection<RequestSource> sources() {
        return byKind.values();
    }

    /** The source of a kind; a kind no feature serves is «not found», as an unknown request. */
    public RequestSource of(RequestKind kind) {
        RequestSource source = byKind.get(kind);
        if (source == null) {
            throw BusinessRuleViolation.notFound("Запросы вида «" + kind.path() + "» не ведутся.");
        }
        return source;
    }

    /**
     * The source of a request the caller may read, refused exactly as the request's own {@code GET} refuses it (the
     * same 404 and words); an id that is no number is «not found», as an unknown one.
     */
    public RequestSource readable(RequestKind kind, String id, Caller caller) {
        RequestSource source = of(kind);
        if (RequestSource.number(id).isEmpty()) {
            throw notFound(id);
        }
        source.checkReadable(id, caller);
        return source;
    }

    static BusinessRuleViolation notFound(String id) {
        String shown = id.length() <= 20 ? id : id.substring(0, 19) + "…";
        return BusinessRuleViolation.notFound("Запрос «" + shown + "» не найден.");
    }

    public Optional<RequestSource> byProcess(String processKey) {
        return Optional.ofNullable(byProcess.get(processKey));
    }

    /** The request an execution of the process works on, if the process carries requests at all. */
    public Optional<RequestRef> requestOf(String processKey, String businessKey, String executionId) {
        RequestSource source = byProcess.get(processKey);
        if (source == null) {
            return Optional.empty();
        }
        return source.requestOf(processKey, businessKey, executionId).map(id -> new RequestRef(source.kind(), id));
    }

    /** Every status name of every kind, for checking the {@code status} filter. */
    public Set<String> statuses() {
        Set<String> statuses = new TreeSet<>();
        for (RequestSource source : byKind.values()) {
            for (Enum<?> status : source.statusType().getEnumConstants()) {
                statuses.add(status.name());
            }
        }
        return statuses;
    }
}
