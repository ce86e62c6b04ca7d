package com.partnerflow.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * A task's people hold {@code TASK_WORK} on it instead of the engine's default {@code UPDATE}; and two weaknesses of
 * the engine's own services are closed where they are (7.24 is the last Community Edition: no fix
 * will come). Every {@code ProcessEnginePlugin} bean joins the engine of the Camunda Spring Boot starter.
 * <ol>
 *   <li><b>A refused job execution used up the job's retries.</b> {@code executeJob} (REST {@code .../job/{id}/execute})
 *       checks the caller's permission inside the job's run, so the refusal counts as a failed attempt: three 403s left a
 *       transfer's silence timer with no retries and an incident, and the month's settlement timer likewise. Jobs
 *       without a process definition (the history cleanup) were not checked at all. Here the caller is decided first:
 *       operations and administrators run a job now, as the job executor would (without their authentication, so its
 *       steps run with the same rights as on their schedule); anyone else is refused before the job is touched.
 *       Without an authentication (the application itself) nothing changes.</li>
 *   <li><b>Handing a task back asked for more than taking it.</b> Candidates hold {@code TASK_WORK}
 *       ({@code defaultUserPermissionNameForTask}): claim and complete, nothing that widens who sees a task. The engine
 *       lets them unclaim with {@code claim(id, null)}, but {@code setAssignee(id, null)} (REST {@code .../unclaim},
 *       Tasklist's button) asks for {@code TASK_ASSIGN}, which would also let them assign the task to anyone. Unclaiming
 *       here is that same claim of nobody.</li>
 *   <li><b>Whoever may work a task could end its request.</b> {@code TASK_WORK} also lets a task's people throw a BPMN
 *       error or escalation from it ({@code .../bpmnError}, {@code .../bpmnEscalation}). None of our models catches one
 *       (ProcessModelTest keeps it so), so it ended the instance: a partner asked for its agreement could end the transfer
 *       while the request stayed open and the subscriber blocked for good. A person may not throw them.</li>
 * </ol>
 */
@Component
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

    private static final List<String> JOB_RUNNERS = List.of(Groups.OPS, Groups.ADMIN);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // a task's candidates and assignee may see, claim and complete it; UPDATE (the engine's default) would also let
        // them add candidates, assign it to anyone, delegate it and change its dates
        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
        configuration.setManagementService(new AuthorizedJobExecution(configuration));
        configuration.setTaskService(new TaskWork(configuration));
    }

    private static final class AuthorizedJobExecution extends ManagementServiceImpl {

        private final ProcessEngineConfigurationImpl configuration;

        AuthorizedJobExecution(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
            this.configuration = configuration;
        }

        @Override
        public void executeJob(String jobId) {
            Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
            if (caller == null) {
                super.executeJob(jobId);
                return;
            }
            List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
            if (groups.stream().noneMatch(JOB_RUNNERS::contains)) {
                throw new AuthorizationException("Только эксплуатация и администраторы запускают задания: задание не выполнено "
                        + "и не изменено.");
            }
            AsSystem.run(configuration.getIdentityService(), () -> super.executeJob(jobId));
        }
    }

    private static final class TaskWork extends TaskServiceImpl {

        private final ProcessEngineConfigurationImpl configuration;

        TaskWork(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public void setAssignee(String taskId, String userId) {
            if (userId == null) {
                claim(taskId, null);
            } else {
                super.setAssignee(taskId, userId);
            }
        }

        @Override
        public void handleBpmnError(String taskId, String errorCode) {
            refuseToPeople();
            super.handleBpmnError(taskId, errorCode);
        }

        @Override
        public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
            refuseToPeople();
            super.handleBpmnError(taskId, errorCode, errorMessage);
        }

        @Override
        public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
            refuseToPeople();
            super.handleBpmnError(taskId, errorCode, errorMessage, variables);
        }

        @Override
        public void handleEscalation(String taskId, String escalationCode) {
            refuseToPeople();
            super.handleEscalation(taskId, escalationCode);
        }

        @Override
        public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
            refuseToPeople();
            super.handleEscalation(taskId, escalationCode, variables);
        }

        private void refuseToPeople() {
            if (configuration.getIdentityService().getCurrentAuthentication() != null) {
                throw new AuthorizationException("Ошибку или эскалацию из задачи не может вызвать пользователь: "
                        + "процессы их не обрабатывают, задача остается открытой.");
            }
        }
    }
}
