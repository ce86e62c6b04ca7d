package com.partnerflow.reporting;

import static com.partnerflow.reporting.ReportingProcess.*;

import java.util.List;
import java.util.stream.Collectors;

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
 * application and opens it, or throws so the start is rolled back whole and the submitter reads why.
 * Then rewrites the form's variables from the domain, so forms and the decision table see checked values.
 */
@Component("acceptApplicationListener")
class AcceptApplicationListener implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(AcceptApplicationListener.class);

    private final ReportingService applications;
    private final ProcessAccess access;

    AcceptApplicationListener(ReportingService applications, ProcessAccess access) {
        this.applications = applications;
        this.access = access;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String submitter = Actor.authenticated(execution).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Подать заявление может только вошедший в систему пользователь."));
        ReportingApplication application = applications.submit(submission(execution), submitter);

        execution.setProcessBusinessKey(application.getId().toString());
        APPLICATION_ID.on(execution, application.getId());
        REG_NUMBER.on(execution, application.getSubscriber().reportingRegNumber());
        ORGANIZATION_NAME.on(execution, application.getOrganizationName());
        INN.on(execution, application.getInn());
        KPP.on(execution, application.getKpp() == null ? "" : application.getKpp());
        MULTI_USER_MODE.on(execution, application.isRequestedMultiUser());
        CLIENT_MULTI_USER_MODE.on(execution, application.isRequestedMultiUser() ? "Включен" : "Выключен");
        USERS.on(execution, application.getUsers());
        execution.removeVariable(USERS_TEXT.name());
        USER_COUNT.on(execution, (long) application.getUsers().size());
        SIGNATURE_ROLES_TEXT.on(execution, application.getSignatureRoles().stream().sorted()
                .map(SignatureRole::label).collect(Collectors.joining(", ")));
        access.grantRead(execution.getProcessInstanceId(), List.of(application.getSubscriber().clientGroup()));
        log.info("Reporting application {} accepted: subscriber {}, multi-user mode {}, {} users", application.getId(),
                application.getSubscriber().getNumber(), application.isRequestedMultiUser(), application.getUsers().size());
    }
}
