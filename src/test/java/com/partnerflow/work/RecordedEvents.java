package com.partnerflow.work;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

import com.partnerflow.system.RequestEvent;

/**
 * The {@link RequestEvent}s published while a test runs, as a webhook listener would receive them: added to the shared
 * context's multicaster for the test only, so the context stays the one every integration test shares.
 */
final class RecordedEvents implements ApplicationListener<ApplicationEvent>, AutoCloseable {

    private final ApplicationEventMulticaster multicaster;
    private final List<RequestEvent> events = new CopyOnWriteArrayList<>();

    RecordedEvents(ApplicationEventMulticaster multicaster) {
        this.multicaster = multicaster;
        multicaster.addApplicationListener(this);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof RequestEvent request) {
            events.add(request);
        }
    }

    /** The events of one request, in the order they were published. */
    List<RequestEvent> of(RequestKind kind, Object id) {
        return events.stream().filter(event -> event.requestKind().equals(kind.path()) && event.requestId().equals(String.valueOf(id)))
                .toList();
    }

    @Override
    public void close() {
        multicaster.removeApplicationListener(this);
    }
}
