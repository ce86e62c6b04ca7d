package com.partnerflow.bench;

import static com.partnerflow.audit.ExtensionAuditProcess.*;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;

import com.partnerflow.TestData;
import com.partnerflow.audit.AuditDecision;
import com.partnerflow.audit.Distribution;
import com.partnerflow.audit.ExtensionAuditProcess;
import com.partnerflow.audit.ExtensionDraft;
import com.partnerflow.audit.ExtensionKind;
import com.partnerflow.audit.ExtensionOwner;
import com.partnerflow.audit.ExtensionService;
import com.partnerflow.audit.FindingCategory;
import com.partnerflow.document.Upload;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;

/**
 * An extension audit: an authorized developer submits version 1.0.0 of a registered extension for one client, an
 * auditor approves it without findings, the version is published and partner and client are mailed.
 */
class AuditPath extends HappyPath<Long> {

    static final String ACCOUNTING = "Бухгалтерия предприятия";
    private static final AtomicInteger EXTENSIONS = new AtomicInteger();

    private final TestData data;
    private final ExtensionService extensions;
    private final HistoryService historyService;
    private Actor developer;
    private Actor auditor;
    private Subscriber client;
    private Actor clientUser;

    AuditPath(ProcessEngine engine, TestData data, ExtensionService extensions) {
        super(engine);
        this.data = data;
        this.extensions = extensions;
        this.historyService = engine.getHistoryService();
    }

    @Override
    String key() {
        return ExtensionAuditProcess.KEY;
    }

    @Override
    String endEvent() {
        return Elements.END_PUBLISHED;
    }

    @Override
    Set<String> happyFlows() {
        return Set.of("flow_approved");
    }

    @Override
    void setUp() {
        if (developer != null) {
            return;
        }
        Partner partner = data.partner();
        developer = actor(data.developer(partner));
        auditor = actor(data.user(Groups.AUDITORS));
        client = data.subscriber(partner);
        clientUser = actor(data.clientUser(client));
    }

    /** An extension of its own for every version: a second version of one extension waits for the first. */
    @Override
    Long prepare() {
        return extensions.register(new ExtensionDraft("Загрузка выписок " + EXTENSIONS.incrementAndGet(),
                ExtensionKind.ADDITIONAL_PROCESSING, ACCOUNTING, ExtensionOwner.PARTNER, null), developer.userId()).getId();
    }

    @Override
    String drive(Long extensionId, Side side) {
        VariableMap version = EXTENSION_ID.with(extensionId);
        VERSION_NUMBER.putIn(version, "1.0.0");
        TARGET_APPLICATION_VERSION.putIn(version, "3.0.150");
        CHANGE_NOTES.putIn(version, "Загрузка выписок из файла банка");
        DISTRIBUTION.putIn(version, Distribution.ONE);
        RECIPIENTS.putIn(version, client.getNumber());
        FILE.putIn(version, new Upload("Выписки.epf", new byte[] {1, 2, 3, 4}));
        String id = start(developer, side, version);
        VariableMap approval = AUDIT_DECISION.with(AuditDecision.APPROVE);
        for (FindingCategory category : FindingCategory.values()) {
            SEVERITY.get(category).putIn(approval, NO_FINDING);
        }
        complete(auditor, id, Elements.AUDIT_VERSION, approval);
        return id;
    }

    /** A version published to {@link #client()}, for the installations: the path run once through the application. */
    long publishedVersion() {
        setUp();
        String id = drive(prepare(), Side.APP);
        return Long.parseLong(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey());
    }

    Subscriber client() {
        return client;
    }

    Actor clientUser() {
        return clientUser;
    }
}
