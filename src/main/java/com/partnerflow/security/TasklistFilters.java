package com.partnerflow.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import com.partnerflow.system.ProcessVariable;
import com.partnerflow.system.TaskCard;

/**
 * Tasklist's filters: the two shared ones («Мои задачи», «Задачи моих групп»), one per role, seen only by that role's
 * group, and «Просроченные задачи» for everyone. A role's filter lists the tasks of its group, claimed or not, the
 * closest due date first, with the {@link TaskCard} columns its features name ({@link TasklistColumns}). Created when
 * missing, at every start; an existing filter is left as an administrator may have changed it.
 */
@Component
class TasklistFilters {

    static final String MY_TASKS = "Мои задачи";
    static final String GROUP_TASKS = "Задачи моих групп";
    static final String OVERDUE = "Просроченные задачи";

    /** Each role's filter, by group; a partner's or a client's tasks belong to its own group ({@code partner-ALFA}). */
    static final Map<String, String> ROLE_FILTERS = roleFilters();

    /** Every card column, for the overdue filter and for a role no feature names columns for. */
    static final List<Column> CARD = List.of(new Column(TaskCard.SUBSCRIBER, "Абонент"), new Column(TaskCard.PARTNER, "Партнер"),
            new Column(TaskCard.SUBJECT, "Предмет"), new Column(TaskCard.MONTH, "Месяц"));

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final List<TasklistColumns> contributions;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
                    List<TasklistColumns> contributions) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.contributions = contributions;
    }

    void setUp() {
        ensure(MY_TASKS, -10, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), List.of(), null);
        ensure(GROUP_TASKS, -5,
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(), List.of(), null);
        Map<String, List<Column>> columns = columnsByGroup();
        int priority = 0;
        for (Map.Entry<String, String> role : ROLE_FILTERS.entrySet()) {
            ensure(role.getValue(), priority++, roleQuery(role.getKey()), columns.getOrDefault(role.getKey(), CARD), role.getKey());
        }
        ensure(OVERDUE, 10, groupTasks().dueBeforeExpression("${now()}").orderByDueDate().asc(), CARD, null);
    }

    /** Staff see their group's tasks; a partner's or a client's employee the tasks of the organization's own group. */
    private TaskQuery roleQuery(String group) {
        TaskQuery query = group.equals(Groups.PARTNERS) || group.equals(Groups.CLIENTS) ? groupTasks()
                : taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
        return query.orderByDueDate().asc();
    }

    private TaskQuery groupTasks() {
        return taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    }

    private Map<String, List<Column>> columnsByGroup() {
        Map<String, Map<String, Column>> byGroup = new LinkedHashMap<>();
        TasklistColumns.Columns sink = (group, variable, label) ->
                byGroup.computeIfAbsent(group, any -> new LinkedHashMap<>()).putIfAbsent(variable.name(), new Column(variable, label));
        contributions.forEach(contribution -> contribution.contribute(sink));
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        byGroup.forEach((group, named) -> columns.put(group, new ArrayList<>(named.values())));
        return columns;
    }

    /** @param readers the group that alone may see the filter; {@code null}: everybody */
    private void ensure(String name, int priority, TaskQuery query, List<Column> columns, String readers) {
        if (filterService.createTaskFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("description", name);
        properties.put("refresh", true);
        if (!columns.isEmpty()) {
            properties.put("variables", columns.stream().map(column -> Map.of("name", column.variable().name(), "label", column.label())).toList());
        }
        Filter filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
        filterService.saveFilter(filter);
        Authorization read = authorizationService.createNewAuthorization(
                readers == null ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
        if (readers == null) {
            read.setUserId(Authorization.ANY);
        } else {
            read.setGroupId(readers);
        }
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
    }

    private static Map<String, String> roleFilters() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put(Groups.VENDOR_STAFF, "Поддержка партнеров");
        filters.put(Groups.PARTNERS, "Задачи партнера");
        filters.put(Groups.CLIENTS, "Задачи клиента");
        filters.put(Groups.AUDITORS, "Аудит версий");
        filters.put(Groups.AUDIT_LEADS, "Руководство аудитом");
        filters.put(Groups.MODERATORS, "Модерация конфигураций");
        filters.put(Groups.FINANCE, "Сверки с партнерами");
        return Collections.unmodifiableMap(filters);
    }

    record Column(ProcessVariable<String> variable, String label) {
    }
}
