package com.partnerflow.developer;

import static com.partnerflow.developer.DeveloperAuthorizationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Groups;
import com.partnerflow.security.TasklistColumns;
import com.partnerflow.system.TaskCard;
import com.partnerflow.system.TaskText;
import com.partnerflow.system.TaskTexts;

/** What vendor staff's review of a developer authorization says in Tasklist: the employee and the partner. */
@Component
class DeveloperTasks implements TaskTexts, TasklistColumns {

    private final DeveloperAuthorizationService authorizations;

    DeveloperTasks(DeveloperAuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    /** The card columns of these tasks in the filters of the groups that work them. */
    @Override
    public void contribute(Columns columns) {
        columns.show(Groups.VENDOR_STAFF, TaskCard.SUBJECT, "Сотрудник партнера");
        columns.show(Groups.VENDOR_STAFF, TaskCard.PARTNER, "Партнер");
    }

    @Override
    public TaskText of(DelegateTask task) {
        if (!Elements.REVIEW.equals(task.getTaskDefinitionKey())) {
            throw new IllegalArgumentException("No text for the task " + task.getTaskDefinitionKey());
        }
        DeveloperAuthorization authorization = authorizations.byId(authorizationId(task));
        String partner = authorization.getPartner().label();
        String description = "Партнер " + partner + " просит авторизовать своего сотрудника " + authorization.getDeveloper()
                + " как разработчика доработок для приложений: " + DeveloperMails.applications(authorization) + ". Запрос подал "
                + authorization.getRequestedBy() + ". Одобрите (сотрудник сможет отправлять версии доработок на аудит) или "
                + "отклоните с комментарием. Срок не установлен: запрос ждет вашего решения.";
        return new TaskText(authorization.getDeveloper() + ", партнер " + partner, description)
                .with(TaskCard.SUBJECT, authorization.getDeveloper()).with(TaskCard.PARTNER, partner);
    }
}
