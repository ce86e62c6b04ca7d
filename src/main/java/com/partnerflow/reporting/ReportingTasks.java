package com.partnerflow.reporting;

import static com.partnerflow.reporting.ReportingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Groups;
import com.partnerflow.security.TasklistColumns;
import com.partnerflow.system.TaskCard;
import com.partnerflow.system.TaskText;
import com.partnerflow.system.TaskTexts;

/** What the servicing partner's task says in Tasklist: the client in its name, the request in its description. */
@Component
class ReportingTasks implements TaskTexts, TasklistColumns {

    private final ReportingService applications;

    ReportingTasks(ReportingService applications) {
        this.applications = applications;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    /** The card columns of these tasks in the filters of the groups that work them. */
    @Override
    public void contribute(Columns columns) {
        columns.show(Groups.PARTNERS, TaskCard.SUBSCRIBER, "Абонент");
    }

    @Override
    public TaskText of(DelegateTask task) {
        if (!Elements.PROCESS_APPLICATION.equals(task.getTaskDefinitionKey())) {
            throw new IllegalArgumentException("No text for the task " + task.getTaskDefinitionKey());
        }
        ReportingApplication application = applications.byId(applicationId(task));
        String subscriber = application.getSubscriber().label();
        String wish = application.isRequestedMultiUser()
                ? "включить многопользовательский режим 1С-Отчетности (пользователей: " + application.getUsers().size()
                        + ", вариант «" + application.getRequestedTier().label() + "»)"
                : "подключить 1С-Отчетность без многопользовательского режима";
        String description = "Ваш клиент " + subscriber + " (" + application.getOrganizationName() + ", ИНН " + application.getInn()
                + ") просит " + wish + ". Одобрите заявление (если клиент ошибся, можно включить или выключить режим и сменить "
                + "вариант, но не добавить пользователей) или отклоните его с причиной. После одобрения клиенту начисляется "
                + "лицензия по вашей скидке. Срок не установлен: заявление ждет вашего решения.";
        return new TaskText(subscriber, description).with(TaskCard.SUBSCRIBER, subscriber)
                .with(TaskCard.PARTNER, application.getSubscriber().getPartner().label());
    }
}
