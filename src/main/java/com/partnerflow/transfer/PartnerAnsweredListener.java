package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Actor;
import com.partnerflow.system.BusinessRuleViolation;

/** Records the current partner's agreement or objection. */
@Component("partnerAnsweredListener")
class PartnerAnsweredListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(PartnerAnsweredListener.class);

    private final TransferService transfers;

    PartnerAnsweredListener(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    public void notify(DelegateTask task) {
        PartnerAnswer answer = PARTNER_ANSWER.optionalFrom(task)
                .orElseThrow(() -> BusinessRuleViolation.invalid("Выберите ответ: согласны или возражаете."));
        long transferId = transferId(task);
        transfers.answerAsCurrentPartner(transferId, answer, PARTNER_COMMENT.optionalFrom(task).orElse(null), Actor.of(task));
        log.info("Transfer {}: current partner answered {}", transferId, answer);
    }
}
