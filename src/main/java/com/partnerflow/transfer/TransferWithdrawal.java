package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.MESSAGE_WITHDRAWN;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.security.Caller;
import com.partnerflow.security.SystemCalls;

/**
 * The submitting partner takes its request back. A partner may only read the instance, so the process is messaged as
 * the system, in the same transaction, once the domain has checked that this partner may withdraw it now: the
 * withdrawal event sub-process ends whatever step was waiting (a task, the correction's deadline, the silence timer).
 */
@Component
class TransferWithdrawal {

    private static final Logger log = LoggerFactory.getLogger(TransferWithdrawal.class);

    private final TransferService transfers;
    private final RuntimeService runtimeService;
    private final SystemCalls system;

    TransferWithdrawal(TransferService transfers, RuntimeService runtimeService, SystemCalls system) {
        this.transfers = transfers;
        this.runtimeService = runtimeService;
        this.system = system;
    }

    @Transactional
    TransferRequest withdraw(long transferId, Caller caller) {
        TransferRequest transfer = transfers.withdraw(transferId, caller);
        system.call(() -> runtimeService.createMessageCorrelation(MESSAGE_WITHDRAWN)
                .processInstanceBusinessKey(String.valueOf(transferId)).correlateWithResult());
        log.info("Transfer {}: withdrawn by {}", transferId, caller.userId());
        return transfer;
    }
}
