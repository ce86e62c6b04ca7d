package com.partnerflow.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * The tasks of a request's process instances as the engine's history records them: what was asked, of whom, when,
 * by when, and whether it was done or cancelled (a timer, a withdrawal). For the request pages for people; the
 * caller decides beforehand who may read them, with the domain's own check, and runs this without the engine's
 * authorization checks (a partner may not read the engine's history of the vendor's steps).
 */
@Component
public class ProcessHistory {

    private final HistoryService history;
    private final TaskService tasks;
    private final IdentityService identity;
    private final DateLabels dates;

    ProcessHistory(HistoryService history, TaskService tasks, IdentityService identity, DateLabels dates) {
        this.history = history;
        this.tasks = tasks;
        this.identity = identity;
        this.dates = dates;
    }

    /**
     * One task of the request.
     *
     * @param who     the person who has it (or had it) by name, or the groups it waits for while nobody has taken it
     * @param created when it was asked, {@code дд.мм.гггг ЧЧ:мм} like every date here; {@code due} and {@code ended}
     *                empty for none
     * @param state   «открыта», «выполнена» or «отменена» (a timer, a withdrawal, the request closed meanwhile)
     */
    public record TaskStep(String name, String who, String created, String due, String ended, String state) {
    }

    /** The tasks of every instance of the process with the business key, oldest first. */
    public List<TaskStep> tasks(String processDefinitionKey, String businessKey) {
        return history.createHistoricTaskInstanceQuery()
                .processDefinitionKey(processDefinitionKey)
                .processInstanceBusinessKey(businessKey)
                .orderByHistoricActivityInstanceStartTime().asc()
                .list().stream()
                .map(task -> new TaskStep(task.getName(), who(task), dates.dateTime(task.getStartTime()),
                        dates.dateTime(task.getDueDate()), dates.dateTime(task.getEndTime()), state(task)))
                .toList();
    }

    /** «Анна Петрова (anna)», or the id alone for a user the identity service does not know (the system, a REST client). */
    public String personName(String userId) {
        if (userId == null) {
            return "";
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = Stream.of(user.getFirstName(), user.getLastName()).filter(Objects::nonNull)
                .filter(part -> !part.isBlank()).reduce((first, last) -> first + " " + last).orElse("");
        return name.isEmpty() ? userId : name + " (" + userId + ")";
    }

    private String who(HistoricTaskInstance task) {
        if (task.getAssignee() != null) {
            return personName(task.getAssignee());
        }
        if (task.getEndTime() != null) {
            return "";
        }
        Map<String, String> groups = new LinkedHashMap<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.put(link.getGroupId(), link.getGroupId());
            }
        }
        if (groups.isEmpty()) {
            return "";
        }
        for (Group group : identity.createGroupQuery().groupIdIn(groups.keySet().toArray(String[]::new)).list()) {
            if (group.getName() != null && !group.getName().isBlank()) {
                groups.put(group.getId(), group.getName());
            }
        }
        return "ждет: " + String.join(", ", groups.values());
    }

    private static String state(HistoricTaskInstance task) {
        if (task.getEndTime() == null) {
            return "открыта";
        }
        return "completed".equals(task.getDeleteReason()) ? "выполнена" : "отменена";
    }
}
