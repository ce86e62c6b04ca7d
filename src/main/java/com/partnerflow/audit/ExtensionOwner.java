package com.partnerflow.audit;

/**
 * Who owns an extension (seed 002): the client itself, whose users may install it as soon as it is
 * published, or the partner or the provider, who grant clients access first.
 */
public enum ExtensionOwner {

    CLIENT("Клиент"),
    PARTNER("Партнер"),
    PROVIDER("Провайдер");

    private final String label;

    ExtensionOwner(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
