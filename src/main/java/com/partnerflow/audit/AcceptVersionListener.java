package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionAuditProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;
import com.partnerflow.security.ProcessAccess;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * Runs as the instance starts (Tasklist start form, {@code /engine-rest} or {@code /api}): checks the
 * version and stores it with its file. A failed check throws, so the start is rolled back whole and the
 * developer reads why; the file goes to the domain, never into a variable.
 */
@Component("acceptVersionListener")
class AcceptVersionListener implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(AcceptVersionListener.class);

    private final ExtensionService extensions;
    private final ProcessAccess access;

    AcceptVersionListener(ExtensionService extensions, ProcessAccess access) {
        this.extensions = extensions;
        this.access = access;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String developer = Actor.authenticated(execution).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Отправить доработку на аудит может только вошедший в систему разработчик партнера."));
        ExtensionVersion version = extensions.submit(submission(execution), developer);

        execution.setProcessBusinessKey(version.getId().toString());
        execution.removeVariable(RECIPIENTS.name());
        VERSION_ID.on(execution, version.getId());
        access.grantRead(execution.getProcessInstanceId(), List.of(version.getExtension().maintainer().group()));
        log.info("Extension version {} accepted: «{}» {} by {}", version.getId(), version.getExtension().getName(),
                version.getNumber(), developer);
    }
}
