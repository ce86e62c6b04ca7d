package com.partnerflow.bench;

import static com.partnerflow.partner.PartnerProfileChangeProcess.*;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;

import com.partnerflow.TestData;
import com.partnerflow.partner.PartnerProfileChangeProcess;
import com.partnerflow.partner.ProfileChangeDecision;
import com.partnerflow.security.Groups;

/**
 * A change of a partner's details: a partner's employee asks for a new phone and website, vendor staff approve, the
 * change is applied to the partner and the partner is mailed.
 */
class ProfileChangePath extends HappyPath<HappyPath.Actor> {

    private final TestData data;
    private Actor vendorStaff;

    ProfileChangePath(ProcessEngine engine, TestData data) {
        super(engine);
        this.data = data;
    }

    @Override
    String key() {
        return PartnerProfileChangeProcess.KEY;
    }

    @Override
    String endEvent() {
        return Elements.END_APPLIED;
    }

    @Override
    Set<String> happyFlows() {
        return Set.of("flow_approved");
    }

    @Override
    void setUp() {
        vendorStaff = actor(data.user(Groups.VENDOR_STAFF));
    }

    /** A partner of its own for every request: a partner has one open request at a time. */
    @Override
    Actor prepare() {
        return actor(data.partnerUser(data.partner()));
    }

    @Override
    String drive(Actor partnerUser, Side side) {
        VariableMap request = PHONE.with("+7 495 123-45-67");
        WEBSITE.putIn(request, "https://partner.example");
        REASON.putIn(request, "Новый телефон и сайт");
        String id = start(partnerUser, side, request);
        complete(vendorStaff, id, Elements.REVIEW, DECISION.with(ProfileChangeDecision.APPROVE));
        return id;
    }
}
