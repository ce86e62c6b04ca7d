package com.partnerflow.developer;

import static com.partnerflow.developer.DeveloperAuthorizationProcess.*;

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
 * Runs as the instance starts (Tasklist start form, {@code /engine-rest} or {@code /api}): records the partner's request
 * if it passes the domain's checks, makes its id the business key and lets the partner read the instance. A refusal
 * throws, so the start is rolled back whole.
 */
@Component("acceptDeveloperRequestListener")
class AcceptDeveloperRequestListener implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(AcceptDeveloperRequestListener.class);

    private final DeveloperAuthorizationService authorizations;
    private final ProcessAccess access;

    AcceptDeveloperRequestListener(DeveloperAuthorizationService authorizations, ProcessAccess access) {
        this.authorizations = authorizations;
        this.access = access;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String requester = Actor.authenticated(execution).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Запросить авторизацию разработчика может только вошедший в систему сотрудник партнера."));
        DeveloperAuthorization authorization = authorizations.request(new RequestAuthorization(DEVELOPER.optionalFrom(execution).orElse(null),
                APPLICATIONS.optionalFrom(execution).orElse(List.of()), REASON.optionalFrom(execution).orElse(null)), requester);

        execution.setProcessBusinessKey(authorization.getId().toString());
        access.grantRead(execution.getProcessInstanceId(), List.of(authorization.getPartner().group()));
        log.info("Developer authorization {} requested: {} of partner {} by {}", authorization.getId(), authorization.getDeveloper(),
                authorization.getPartner().getCode(), requester);
    }
}
