package com.partnerflow.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * «Изменилось с прошлого визита»: a visit is a session. The first home page of a session reads when the person's
 * previous visit began (a first visit ever looks back {@link #FIRST_VISIT}) and records this one; every later home page
 * of the same session shows the same moment, so reloading the page does not empty the list.
 */
@Component
class LastVisit {

    static final Duration FIRST_VISIT = Duration.ofDays(7);
    static final String SESSION_KEY = LastVisit.class.getName() + ".previous";

    private final PortalVisits visits;
    private final Clock clock;

    LastVisit(PortalVisits visits, Clock clock) {
        this.visits = visits;
        this.clock = clock;
    }

    /** When the visit before this session's began. */
    @Transactional
    public Instant previous(String userId, HttpSession session) {
        if (session.getAttribute(SESSION_KEY) instanceof Instant known) {
            return known;
        }
        Instant now = clock.instant();
        PortalVisit visit = visits.findById(userId).orElseGet(() -> new PortalVisit(userId, now.minus(FIRST_VISIT)));
        Instant previous = visit.getLastSeenAt();
        visit.seenAt(now);
        visits.save(visit);
        session.setAttribute(SESSION_KEY, previous);
        return previous;
    }
}
