package com.partnerflow.work;

/** One request: its kind and its id within the kind ({@code transfers} 7). */
public record RequestRef(RequestKind kind, String id) {
}
