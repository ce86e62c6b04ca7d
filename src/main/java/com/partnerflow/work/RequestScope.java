package com.partnerflow.work;

import java.util.List;
import java.util.Set;

/**
 * Where the engine keeps a request's work: the instances of {@code processKeys} with one of {@code businessKeys}, and
 * within them only the execution {@code executionId} when it is set (a reconciliation is one branch of its month's
 * settlement). The open tasks, who must act and the timeline are read from there.
 */
public record RequestScope(Set<String> processKeys, List<String> businessKeys, String executionId) {

    public RequestScope {
        processKeys = Set.copyOf(processKeys);
        businessKeys = List.copyOf(businessKeys);
    }

    /** Every instance of the processes whose business key is the request's id: most requests. */
    public static RequestScope byBusinessKey(Set<String> processKeys, String id) {
        return new RequestScope(processKeys, List.of(id), null);
    }
}
