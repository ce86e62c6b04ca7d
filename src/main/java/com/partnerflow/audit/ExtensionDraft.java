package com.partnerflow.audit;

/**
 * An extension as a developer describes it, unchecked: from the Tasklist start form (together with
 * its first version) or {@code POST /api/extensions}.
 *
 * @param ownerSubscriber the owning subscriber's number, for a client-owned extension only
 */
public record ExtensionDraft(String name, ExtensionKind kind, String targetApplication, ExtensionOwner owner,
                             String ownerSubscriber) {
}
