package com.partnerflow.bench;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;

import com.partnerflow.TestData;
import com.partnerflow.audit.InstallationProcess;

/** An installation: a client user installs a version published to its organization into a new data area. */
class InstallationPath extends HappyPath<Long> {

    private final TestData data;
    private final AuditPath audits;
    private long versionId;

    InstallationPath(ProcessEngine engine, TestData data, AuditPath audits) {
        super(engine);
        this.data = data;
        this.audits = audits;
    }

    @Override
    String key() {
        return InstallationProcess.KEY;
    }

    @Override
    String endEvent() {
        return InstallationProcess.Elements.END;
    }

    @Override
    Set<String> happyFlows() {
        return Set.of();
    }

    @Override
    void setUp() {
        versionId = audits.publishedVersion();
    }

    /** A data area of its own for every installation: a version goes into a data area once. */
    @Override
    Long prepare() {
        return data.dataArea(audits.client(), AuditPath.ACCOUNTING).getId();
    }

    @Override
    String drive(Long dataAreaId, Side side) {
        return start(audits.clientUser(), side, InstallationProcess.variables(audits.client().getNumber(), dataAreaId, versionId));
    }
}
