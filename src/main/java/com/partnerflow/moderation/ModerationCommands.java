package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationModerationProcess.*;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.security.Caller;
import com.partnerflow.security.SystemCalls;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * What {@code /api} asks of the moderation process, done through the process exactly as Tasklist does it, so the
 * same listeners check both doors. Runs as the authenticated user.
 */
@Component
class ModerationCommands {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ConfigurationService configurations;
    private final ModerationService moderations;
    private final ModerationForms forms;
    private final SystemCalls system;

    ModerationCommands(RuntimeService runtimeService, TaskService taskService, ConfigurationService configurations,
                       ModerationService moderations, ModerationForms forms, SystemCalls system) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.configurations = configurations;
        this.moderations = moderations;
        this.forms = forms;
        this.system = system;
    }

    /**
     * Edits the configuration. While the partner's revision task waits, its form is filled anew with the settings as
     * they are now: the form sends every field back, and would otherwise undo the edit. The editor may be an invited
     * partner who does not see that task, so the domain checks the edit and the form is refilled as the system.
     */
    @Transactional
    void edit(long configurationId, ConfigurationDraft draft, Caller caller) {
        Configuration configuration = configurations.edit(configurationId, draft, caller);
        if (configuration.getStatus() != ConfigurationStatus.CHANGES_REQUESTED) {
            return;
        }
        moderations.latest(configuration).filter(Moderation::isOpen).ifPresent(open -> system.call(() -> {
            Task revision = revisionTask(open);
            if (revision != null) { // else its creation fills the form from the configuration
                taskService.setVariables(revision.getId(), forms.revision(open));
            }
            return null;
        }));
    }

    /**
     * Sends the configuration to moderation: starts a moderation, or, when the moderator asked for changes,
     * answers the revision task with the configuration as it is now.
     */
    @Transactional
    void send(long configurationId, Caller caller) {
        Moderation open = moderations.openModeration(configurationId, caller.userId()).orElse(null);
        if (open == null || open.getConfiguration().getStatus() != ConfigurationStatus.CHANGES_REQUESTED) {
            runtimeService.startProcessInstanceByKey(KEY, CONFIGURATION_ID.with(configurationId));
            return;
        }
        Task revision = revisionTask(open);
        if (revision == null) {
            throw BusinessRuleViolation.conflict("Задача «Доработать конфигурацию» еще не создана. Повторите через несколько секунд.");
        }
        VariableMap answer = forms.revision(open);
        REVISION_ACTION.putIn(answer, RevisionAction.RESUBMIT);
        taskService.complete(revision.getId(), answer);
    }

    /**
     * Takes the configuration back from moderation. The partner may only read the instance, so the process is
     * messaged as the system once the domain has checked that this partner may withdraw it.
     */
    @Transactional
    void withdraw(long configurationId, Caller caller) {
        Moderation moderation = moderations.withdraw(configurationId, caller.userId());
        try {
            system.call(() -> runtimeService.createMessageCorrelation(MESSAGE_WITHDRAWN)
                    .processInstanceBusinessKey(moderation.getId().toString()).correlateWithResult());
        } catch (MismatchingMessageCorrelationException betweenSteps) {
            throw BusinessRuleViolation.conflict("Модерация конфигурации сейчас переходит к следующему шагу. Повторите через несколько секунд.");
        }
    }

    private Task revisionTask(Moderation moderation) {
        return taskService.createTaskQuery().processDefinitionKey(KEY).processInstanceBusinessKey(moderation.getId().toString())
                .taskDefinitionKey(Elements.REVISE).singleResult();
    }
}
