package com.partnerflow.bench;

import static com.partnerflow.reporting.ReportingProcess.*;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;

import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.reporting.ApplicationDecision;
import com.partnerflow.reporting.PlannedUser;
import com.partnerflow.reporting.ReportingProcess;
import com.partnerflow.reporting.SignatureRole;
import com.partnerflow.subscriber.MultiUserTier;
import com.partnerflow.subscriber.Subscriber;

/** A reporting-extension application: a client applies for multi-user mode for three users, its partner approves. */
class ReportingPath extends HappyPath<ReportingPath.Client> {

    /** A subscriber of its own for every application, and its user, who applies. */
    record Client(String subscriberNumber, Actor user) {
    }

    private static final List<PlannedUser> USERS_OF_THE_CLIENT = List.of(
            new PlannedUser("Соколов Иван Петрович", "ivan@romashka.example"),
            new PlannedUser("Лебедева Мария Андреевна", "maria@romashka.example"),
            new PlannedUser("Козлов Дмитрий Сергеевич", "dmitry@romashka.example"));

    private final TestData data;
    private Partner partner;
    private Actor partnerUser;

    ReportingPath(ProcessEngine engine, TestData data) {
        super(engine);
        this.data = data;
    }

    @Override
    String key() {
        return ReportingProcess.KEY;
    }

    @Override
    String endEvent() {
        return Elements.END_APPROVED;
    }

    @Override
    Set<String> happyFlows() {
        return Set.of("flow_approved");
    }

    @Override
    void setUp() {
        partner = data.partner();
        partnerUser = actor(data.partnerUser(partner));
    }

    @Override
    Client prepare() {
        Subscriber subscriber = data.subscriber(partner);
        return new Client(subscriber.getNumber(), actor(data.clientUser(subscriber)));
    }

    @Override
    String drive(Client client, Side side) {
        VariableMap application = SUBSCRIBER_NUMBER.with(client.subscriberNumber());
        ORGANIZATION_NAME.putIn(application, "ООО «Ромашка»");
        INN.putIn(application, "7707083893");
        KPP.putIn(application, "770701001");
        MULTI_USER_MODE.putIn(application, true);
        USERS.putIn(application, USERS_OF_THE_CLIENT);
        SIGNATURE_OWNER.putIn(application, "Соколов Иван Петрович");
        SIGNATURE_ROLES.putIn(application, List.of(SignatureRole.values()));
        if (side == Side.BARE) {
            // the decision table's other input, which the application's start listener writes from the domain
            USER_COUNT.putIn(application, (long) USERS_OF_THE_CLIENT.size());
        }
        String id = start(client.user(), side, application);
        VariableMap approval = MULTI_USER_MODE.with(true);
        TIER.putIn(approval, MultiUserTier.TWO_TO_NINE);
        APPLICATION_DECISION.putIn(approval, ApplicationDecision.APPROVE);
        complete(partnerUser, id, Elements.PROCESS_APPLICATION, approval);
        return id;
    }
}
