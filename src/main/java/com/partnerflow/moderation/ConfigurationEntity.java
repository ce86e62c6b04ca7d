package com.partnerflow.moderation;

/** One entity packed into a configuration: a process «Обработка заявок», a directory «Клиенты», ... */
public record ConfigurationEntity(EntityKind kind, String name) {

    String describe() {
        return kind.label() + " «" + name + "»";
    }
}
