package com.partnerflow.reporting;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;

import com.partnerflow.security.Caller;
import com.partnerflow.work.RequestKind;
import com.partnerflow.work.RequestRef;
import com.partnerflow.work.RequestSnapshot;
import com.partnerflow.work.RequestSource;

/**
 * Reporting applications in the one list of requests: read by the client, the partner serving it and the partner that
 * decided, as {@code GET /api/reporting-applications/{id}}.
 */
@Component
class ReportingRequestSource implements RequestSource {

    private final ReportingApplications applications;
    private final ReportingService service;

    @PersistenceContext
    private EntityManager entities;

    ReportingRequestSource(ReportingApplications applications, ReportingService service) {
        this.applications = applications;
        this.service = service;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.REPORTING_APPLICATIONS;
    }

    @Override
    public String name() {
        return "Заявление на многопользовательский режим 1С-Отчетности";
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(ReportingProcess.KEY);
    }

    @Override
    public Class<ApplicationStatus> statusType() {
        return ApplicationStatus.class;
    }

    @Override
    public String statusLabel(String status) {
        return label(ApplicationStatus.valueOf(status));
    }

    @Override
    public Optional<RequestSnapshot> snapshot(String id) {
        return RequestSource.number(id).flatMap(applications::findById).map(application -> {
            Set<String> partners = new HashSet<>();
            partners.add(application.getSubscriber().getPartner().getCode());
            if (application.getDecidedByPartner() != null) {
                partners.add(application.getDecidedByPartner().getCode());
            }
            Instant updated = application.getDecidedAt() != null ? application.getDecidedAt() : application.getSubmittedAt();
            return new RequestSnapshot(new RequestRef(kind(), id), application.getSubscriber().getNumber(),
                    application.getSubscriber().getName(), partners, Set.of(application.getSubscriber().getNumber()), Set.of(),
                    application.getStatus().name(), label(application.getStatus()), application.getSubmittedAt(), updated);
        });
    }

    static String label(ApplicationStatus status) {
        return switch (status) {
            case SUBMITTED -> "Ждет решения обслуживающего партнера";
            case APPROVED -> "Одобрено партнером: режим включается";
            case ENABLED -> "Многопользовательский режим включен";
            case REJECTED -> "Отклонено";
        };
    }

    @Override
    public List<String> ids() {
        return entities.createQuery("select a.id from ReportingApplication a", Long.class).getResultList().stream()
                .map(String::valueOf).toList();
    }

    @Override
    public void checkReadable(String id, Caller caller) {
        service.find(RequestSource.number(id).orElse(-1L), caller);
    }
}
