package com.partnerflow.partner;

import static com.partnerflow.partner.PartnerProfileChangeProcess.*;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Groups;
import com.partnerflow.security.TasklistColumns;
import com.partnerflow.system.TaskCard;
import com.partnerflow.system.TaskText;
import com.partnerflow.system.TaskTexts;

/** What vendor staff's review of a partner's profile change says in Tasklist: the partner and the details that change. */
@Component
class ProfileChangeTasks implements TaskTexts, TasklistColumns {

    private final ProfileChangeService changes;

    ProfileChangeTasks(ProfileChangeService changes) {
        this.changes = changes;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    /** The card columns of these tasks in the filters of the groups that work them. */
    @Override
    public void contribute(Columns columns) {
        columns.show(Groups.VENDOR_STAFF, TaskCard.PARTNER, "Партнер");
    }

    @Override
    public TaskText of(DelegateTask task) {
        if (!Elements.REVIEW.equals(task.getTaskDefinitionKey())) {
            throw new IllegalArgumentException("No text for the task " + task.getTaskDefinitionKey());
        }
        ProfileChange change = changes.byId(changeId(task));
        String partner = change.getPartner().label();
        String fields = change.changes().stream().map(ProfileChange.Change::label).collect(Collectors.joining(", "));
        String description = "Партнер " + partner + " просит изменить свои данные: " + change.changesText().replace("\n", "; ")
                + ". Причина: " + change.getReason() + ". Запрос подал " + change.getRequestedBy() + ". Одобрите (данные партнера "
                + "изменятся сразу, партнер получит письмо) или откажите с причиной. Срок не установлен: запрос ждет вашего решения.";
        return new TaskText(partner + ": " + fields.toLowerCase(java.util.Locale.ROOT), description)
                .with(TaskCard.PARTNER, partner);
    }
}
