package com.partnerflow.bench;

import static com.partnerflow.transfer.TransferProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;

import com.partnerflow.TestData;
import com.partnerflow.document.Upload;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.LetterDecision;
import com.partnerflow.transfer.PartnerAnswer;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/** A subscriber transfer: the new partner submits the letter, vendor staff forward it, the current partner agrees. */
class TransferPath extends HappyPath<Subscriber> {

    private static final byte[] LETTER_PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();

    private final TestData data;
    private final Clock clock;
    private Partner currentPartner;
    private Actor currentPartnerUser;
    private Actor newPartnerUser;
    private Actor vendorStaff;

    TransferPath(ProcessEngine engine, TestData data, Clock clock) {
        super(engine);
        this.data = data;
        this.clock = clock;
    }

    @Override
    String key() {
        return TransferProcess.KEY;
    }

    @Override
    String endEvent() {
        return Elements.END_TRANSFERRED;
    }

    @Override
    Set<String> happyFlows() {
        return Set.of("flow_letterForwarded", "flow_partnerAgreed");
    }

    @Override
    void setUp() {
        currentPartner = data.partner();
        currentPartnerUser = actor(data.partnerUser(currentPartner));
        newPartnerUser = actor(data.partnerUser(data.partner()));
        vendorStaff = actor(data.user(Groups.VENDOR_STAFF));
    }

    /** A subscriber of the current partner: each transfer moves one away. */
    @Override
    Subscriber prepare() {
        return data.subscriber(currentPartner);
    }

    @Override
    String drive(Subscriber subscriber, Side side) {
        VariableMap letter = SUBSCRIBER_NUMBER.with(subscriber.getNumber());
        SUBSCRIBER_NAME.putIn(letter, subscriber.getName());
        REQUESTED_PARTNER_NAME.putIn(letter, TransferApi.REQUESTED_PARTNER_NAME);
        REASON.putIn(letter, "Клиент переходит на обслуживание к нам");
        LETTER_DATE.putIn(letter, LocalDate.now(clock).minusDays(1).toString());
        LETTER.putIn(letter, new Upload("письмо.pdf", LETTER_PDF));
        String id = start(newPartnerUser, side, letter);
        complete(vendorStaff, id, Elements.REVIEW_LETTER, LETTER_DECISION.with(LetterDecision.FORWARD));
        complete(currentPartnerUser, id, Elements.PARTNER_AGREEMENT, PARTNER_ANSWER.with(PartnerAnswer.AGREE));
        return id;
    }
}
