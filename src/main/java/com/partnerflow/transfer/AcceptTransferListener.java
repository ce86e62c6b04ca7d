package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.*;

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
 * Runs as the instance starts (Tasklist start form, {@code /engine-rest} or {@code /api}): checks
 * the submission and opens the transfer request. A failed check throws, so the start is rolled back
 * whole and the submitter reads the reason; the letter goes to the domain, never into a variable.
 */
@Component("acceptTransferListener")
class AcceptTransferListener implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(AcceptTransferListener.class);

    private final TransferService transfers;
    private final ProcessAccess access;

    AcceptTransferListener(TransferService transfers, ProcessAccess access) {
        this.transfers = transfers;
        this.access = access;
    }

    @Override
    public void notify(DelegateExecution execution) {
        SubmitTransfer command = submission(execution);
        String submitter = Actor.authenticated(execution).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Подать запрос на перевод может только вошедший в систему сотрудник партнера."));
        TransferRequest transfer = transfers.submit(command, submitter);

        execution.setProcessBusinessKey(transfer.getId().toString());
        TRANSFER_ID.on(execution, transfer.getId());
        access.grantRead(execution.getProcessInstanceId(),
                List.of(transfer.getFromPartner().group(), transfer.getToPartner().group()));
        log.info("Transfer {} accepted: subscriber {} from {} to {}", transfer.getId(),
                transfer.getSubscriber().getNumber(), transfer.getFromPartner(), transfer.getToPartner());
    }
}
