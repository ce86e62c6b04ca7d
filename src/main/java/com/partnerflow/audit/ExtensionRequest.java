package com.partnerflow.audit;

/** The JSON of {@code POST /api/extensions}. The developing partner is never a field: it is the caller's. */
record ExtensionRequest(String name, ExtensionKind kind, String targetApplication, ExtensionOwner owner, String ownerSubscriber) {

    ExtensionDraft toDraft() {
        return new ExtensionDraft(name, kind, targetApplication, owner, ownerSubscriber);
    }
}
