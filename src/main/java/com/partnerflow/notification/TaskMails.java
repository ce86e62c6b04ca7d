package com.partnerflow.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.partnerflow.security.UserDirectory;

/**
 * The mails of a task that waits for a partner or a client: «ждет вашего решения» when it is created, and a reminder
 * before its deadline. They go to the people who can act — its assignee and the users of its candidate groups — with
 * what is asked, about whom, the deadline and its consequence, and a direct link to the task in Tasklist. Written to
 * the outbox in the engine's transaction and sent after its commit; the outbox's schedule retries them
 * ({@link NotificationService#enqueueAndSendAfterCommit}).
 */
@Component
public class TaskMails {

    private static final Logger log = LoggerFactory.getLogger(TaskMails.class);

    private final NotificationService notifications;
    private final MailTemplates templates;
    private final UserDirectory users;
    private final PublicLinks links;
    private final TaskService taskService;

    TaskMails(NotificationService notifications, MailTemplates templates, UserDirectory users, PublicLinks links,
              TaskService taskService) {
        this.notifications = notifications;
        this.templates = templates;
        this.users = users;
        this.links = links;
        this.taskService = taskService;
    }

    /** The outbox topic of a task's mails. */
    static String topic(String taskId) {
        return "task:" + taskId;
    }

    /** From a task's create listener: the task is there, tell the people who can act. */
    public void waiting(DelegateTask task, TaskWaiting waiting) {
        write(false, task.getId(), task.getName(), task.getDueDate(), task.getAssignee(), task.getCandidates(), waiting,
                task.getProcessInstanceId());
    }

    /** The open task of this element in the execution's instance, if it is still open (a reminder's timer may outlive it). */
    public Optional<Task> openTask(DelegateExecution execution, String taskDefinitionKey) {
        return Optional.ofNullable(taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskDefinitionKey).singleResult());
    }

    /** From a reminder's step: the task still waits and its deadline nears; remind the people who can act. */
    public void remind(Task task, TaskWaiting waiting) {
        write(true, task.getId(), task.getName(), task.getDueDate(), task.getAssignee(),
                taskService.getIdentityLinksForTask(task.getId()), waiting, task.getProcessInstanceId());
    }

    private void write(boolean reminder, String taskId, String taskName, Date dueDate, String assignee,
                       Collection<? extends IdentityLink> identityLinks, TaskWaiting waiting, String processInstanceId) {
        List<String> groups = identityLinks.stream()
                .filter(link -> link.getGroupId() != null && IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).toList();
        List<String> recipients = users.notificationAddressesOf(assignee, groups);
        Instant deadline = dueDate != null ? dueDate.toInstant() : waiting.deadline();
        Map<String, Object> model = new HashMap<>();
        model.put("reminder", reminder);
        model.put("waiting", waiting);
        model.put("taskName", taskName);
        model.put("taskLink", links.task(taskId));
        if (deadline != null) {
            model.put("deadline", deadline);
        }
        String kind = reminder ? "reminder" : "waiting";
        List<Mail> mails = templates.mails(recipients, "task-waiting", model);
        if (mails.isEmpty()) {
            log.warn("Task {} of instance {}: nobody with an e-mail address can work it, no {} mail", taskId, processInstanceId, kind);
            return;
        }
        notifications.enqueueAndSendAfterCommit(topic(taskId), mails);
        log.info("Task {} of instance {}: {} mail written to {} recipient(s)", taskId, processInstanceId, kind, mails.size());
    }
}
