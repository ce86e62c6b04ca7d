package com.partnerflow.audit;

import java.util.List;

/**
 * More clients the partner gives a published version to: the numbers of subscribers it serves, and/or every client
 * it serves now and later.
 */
public record GrantAccess(List<String> subscribers, boolean allClients) {

    public GrantAccess {
        subscribers = subscribers == null ? List.of() : subscribers.stream().map(number -> number == null ? "" : number).toList();
    }
}
