package com.partnerflow.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;

interface ReportingApplications extends JpaRepository<ReportingApplication, Long> {

    Optional<ReportingApplication> findByOpenSubscriber(Subscriber subscriber);

    @Query("select a.id from ReportingApplication a where a.subscriber.number = :subscriberNumber order by a.id")
    List<Long> findIdsBySubscriberNumber(String subscriberNumber);

    /**
     * One page of the applications a caller sees ({@code ReportingService#isVisible} as a query): every one when
     * {@code all}, else those of the organizations {@code userId} acts for as a client user, of the clients
     * {@code partner} serves now, and those {@code partner} decided; then the filters, each ignored when null, and
     * submitted or decided at or after {@code :updatedSince}, always given ({@code ListFilters#since}).
     */
    @Query("""
            select a from ReportingApplication a join a.subscriber s
            where (:all = true
                   or exists (select c from ClientAccess c where c.subscriber = s and c.userId = :userId)
                   or s.partner = :partner or a.decidedByPartner = :partner)
              and (:status is null or a.status = :status)
              and (:subscriber is null or s.number = :subscriber)
              and (a.submittedAt >= :updatedSince or a.decidedAt >= :updatedSince)
            """)
    Page<ReportingApplication> findVisible(boolean all, String userId, Partner partner, ApplicationStatus status,
                                           String subscriber, Instant updatedSince, Pageable page);
}
