package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionAuditProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.partnerflow.system.Deadlines;
import com.partnerflow.security.Groups;
import com.partnerflow.security.TasklistColumns;
import com.partnerflow.system.TaskCard;
import com.partnerflow.system.TaskText;
import com.partnerflow.system.TaskTexts;

/**
 * What each task of an extension audit says in Tasklist: the extension and its version in the name; the audit's due
 * date and what its overdue brings ({@link AuditSettings}) in the description. Read from the version of the business key.
 */
@Component
class AuditTasks implements TaskTexts, TasklistColumns {

    private final ExtensionService extensions;
    private final AuditSettings settings;
    private final Deadlines deadlines;

    AuditTasks(ExtensionService extensions, AuditSettings settings, Deadlines deadlines) {
        this.extensions = extensions;
        this.settings = settings;
        this.deadlines = deadlines;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    /** The card columns of these tasks in the filters of the groups that work them. */
    @Override
    public void contribute(Columns columns) {
        columns.show(Groups.AUDITORS, TaskCard.SUBJECT, "Версия");
        columns.show(Groups.AUDITORS, TaskCard.PARTNER, "Партнер");
        columns.show(Groups.AUDIT_LEADS, TaskCard.SUBJECT, "Версия");
        columns.show(Groups.AUDIT_LEADS, TaskCard.PARTNER, "Партнер");
        columns.show(Groups.PARTNERS, TaskCard.SUBJECT, "Предмет");
    }

    @Override
    public TaskText of(DelegateTask task) {
        ExtensionVersion version = extensions.byId(versionId(task));
        String subject = "«" + version.getExtension().getName() + "» " + version.getNumber();
        TaskText text = switch (task.getTaskDefinitionKey()) {
            case Elements.AUDIT_VERSION -> new TaskText(subject, audit(version, task.getDueDate()));
            case Elements.REVIEW_OVERDUE_AUDIT -> new TaskText("с версией " + version.getNumber() + " доработки «"
                    + version.getExtension().getName() + "»", overdue(version));
            case Elements.REVISE_VERSION -> new TaskText(subject, revision(version));
            default -> throw new IllegalArgumentException("No text for the task " + task.getTaskDefinitionKey());
        };
        return text.with(TaskCard.SUBJECT, subject).with(TaskCard.PARTNER, version.getExtension().maintainer().label());
    }

    private String audit(ExtensionVersion version, Date due) {
        return "Партнер " + version.getExtension().maintainer().label() + " отправил на аудит " + what(version, "версию")
                + (version.getAuditRound() > 1 ? " (раунд " + version.getAuditRound() + ", после исправления)" : "")
                + ". Проверьте версию по каждому разделу и примите решение: одобрить (версия будет опубликована и станет доступна "
                + "клиентам), вернуть на исправление или отклонить. Срок аудита — " + Deadlines.period(settings.sla()) + ", до "
                + deadlines.at(due) + ". Если аудит не будет проведен в срок, руководители аудита получат задачу разобраться "
                + "с просрочкой, а эта задача останется у вас.";
    }

    private String overdue(ExtensionVersion version) {
        return "Аудит " + what(version, "версии") + " партнера " + version.getExtension().maintainer().label() + " не проведен в срок"
                + (version.getAuditDueAt() == null ? "" : " (срок истек " + deadlines.at(Date.from(version.getAuditDueAt())) + ")")
                + ". Выясните у аудиторов причину и помогите завершить аудит: задача аудитора остается открытой. Запишите, что "
                + "сделано, и завершите задачу. Срок не установлен; когда аудитор примет решение, задача закроется сама.";
    }

    private static String revision(ExtensionVersion version) {
        String comment = version.getAuditComment();
        return "Аудитор вернул на исправление " + what(version, "версию")
                + (comment == null || comment.isBlank() ? "" : ": «" + comment.strip() + "»")
                + ". Замечания по разделам — в форме задачи. Исправьте доработку и отправьте новый файл на аудит или отзовите "
                + "версию. Срок не установлен: версия ждет вас, а клиенты не получат ее, пока она не пройдет аудит.";
    }

    /** «версию 1.0.0 доработки «Загрузка выписок банка» (дополнительная обработка для «Бухгалтерия предприятия» 3.0)». */
    private static String what(ExtensionVersion version, String versionWord) {
        Extension extension = version.getExtension();
        return versionWord + " " + version.getNumber() + " доработки «" + extension.getName() + "» (" + extension.getKind().label().toLowerCase()
                + " для «" + extension.getTargetApplication() + "» " + version.getTargetApplicationVersion() + ")";
    }
}
