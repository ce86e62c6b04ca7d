package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationModerationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.partnerflow.security.Groups;
import com.partnerflow.security.TasklistColumns;
import com.partnerflow.system.TaskCard;
import com.partnerflow.system.TaskText;
import com.partnerflow.system.TaskTexts;

/** What the tasks of a configuration's moderation say in Tasklist: the configuration and its round. */
@Component
class ModerationTasks implements TaskTexts, TasklistColumns {

    private final ModerationService moderations;

    ModerationTasks(ModerationService moderations) {
        this.moderations = moderations;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    /** The card columns of these tasks in the filters of the groups that work them. */
    @Override
    public void contribute(Columns columns) {
        columns.show(Groups.MODERATORS, TaskCard.SUBJECT, "Конфигурация");
        columns.show(Groups.MODERATORS, TaskCard.PARTNER, "Партнер");
        columns.show(Groups.PARTNERS, TaskCard.SUBJECT, "Предмет");
    }

    @Override
    public TaskText of(DelegateTask task) {
        Moderation moderation = moderations.byId(moderationId(task));
        Configuration configuration = moderation.getConfiguration();
        ModerationRound round = moderation.currentRound();
        String subject = "«" + configuration.displayName() + "», раунд " + round.getNumber();
        TaskText text = switch (task.getTaskDefinitionKey()) {
            case Elements.REVIEW -> new TaskText(subject, "Партнер " + configuration.getCreator().label() + " отправил конфигурацию «"
                    + configuration.displayName() + "» (аккаунт «" + configuration.getAccount().getName() + "») на публикацию в каталоге "
                    + "«Готовые решения», раунд " + round.getNumber() + ". Проверьте описание, настройки и ссылки; изменения с "
                    + "прошлого раунда — в форме задачи. Одобрите (конфигурация сразу появится в каталоге), запросите доработку "
                    + "или отклоните. Срок не установлен: конфигурация ждет вашего решения, партнер может отозвать ее.");
            case Elements.REVISE -> new TaskText(subject, "Модератор запросил доработку конфигурации «" + configuration.displayName()
                    + "» (раунд " + round.getNumber() + ")"
                    + (round.getComment() == null ? "" : ": «" + round.getComment().strip() + "»")
                    + ". Доработайте настройки и отправьте конфигурацию на модерацию снова или отзовите ее. Срок не установлен: "
                    + "пока вы не ответите, конфигурация не попадет в каталог.");
            default -> throw new IllegalArgumentException("No text for the task " + task.getTaskDefinitionKey());
        };
        return text.with(TaskCard.SUBJECT, subject).with(TaskCard.PARTNER, configuration.getCreator().label());
    }
}
