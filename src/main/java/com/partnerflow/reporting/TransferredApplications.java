package com.partnerflow.reporting;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.partnerflow.subscriber.SubscriberTransferred;
import com.partnerflow.work.RequestChanges;
import com.partnerflow.work.RequestKind;

/**
 * A subscriber's applications are read by the partner serving it: when the subscriber moves, every one of them (open or
 * decided) is listed to its new partner and no longer to the old one (unless that one decided it), in the transfer's
 * own transaction.
 */
@Component
class TransferredApplications {

    private final ReportingService applications;
    private final RequestChanges requests;

    TransferredApplications(ReportingService applications, RequestChanges requests) {
        this.applications = applications;
        this.requests = requests;
    }

    @EventListener
    void on(SubscriberTransferred transfer) {
        applications.idsOf(transfer.subscriberNumber()).forEach(id -> requests.changed(RequestKind.REPORTING_APPLICATIONS, id.toString()));
    }
}
