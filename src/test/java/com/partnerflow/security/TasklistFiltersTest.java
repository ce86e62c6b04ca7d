package com.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.partnerflow.IntegrationTest;
import com.partnerflow.system.TaskCard;

/**
 * Tasklist's filters as the demo users get them: each role sees its own filter and no other role's, with the columns
 * its features name; the overdue filter lists only tasks past their due date; a role's filter puts the closest due
 * date first whatever order Tasklist asks for.
 */
class TasklistFiltersTest extends IntegrationTest {

    @Autowired
    FilterService filterService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    /** What a test made, removed after it: the context is shared. */
    final List<String> created = new ArrayList<>();
    final List<String> users = new ArrayList<>();
    final List<String> groups = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        created.forEach(id -> taskService.deleteTask(id, true));
        users.forEach(identityService::deleteUser);
        groups.forEach(identityService::deleteGroup);
    }

    @ParameterizedTest(name = "{0} ({1}) sees «{2}» and no other role's filter")
    @CsvSource({"vera, vendor-staff, Поддержка партнеров", "anna, partners, Задачи партнера", "ivan, clients, Задачи клиента",
            "artem, auditors, Аудит версий", "lidia, audit-leads, Руководство аудитом", "marina, moderators, Модерация конфигураций",
            "fedor, finance, Сверки с партнерами"})
    void eachRoleSeesItsOwnFilterAndTheSharedOnes(String user, String group, String filterName) {
        logInAs(user);

        List<String> seen = filterService.createTaskFilterQuery().listPage(0, 100).stream().map(Filter::getName).toList();

        assertThat(seen).contains(filterName, TasklistFilters.MY_TASKS, TasklistFilters.GROUP_TASKS, TasklistFilters.OVERDUE);
        assertThat(seen).as("no other role's filter").doesNotContainAnyElementsOf(TasklistFilters.ROLE_FILTERS.values().stream()
                .filter(name -> !name.equals(filterName)).toList());
        assertThat(TasklistFilters.ROLE_FILTERS).containsEntry(group, filterName);
    }

    @Test
    void eachRolesFilterShowsTheColumnsThatTellItsTasksApart() {
        assertThat(columns("Аудит версий")).containsExactly(column(TaskCard.SUBJECT.name(), "Версия"), column(TaskCard.PARTNER.name(), "Партнер"));
        assertThat(columns("Сверки с партнерами")).containsExactly(column(TaskCard.PARTNER.name(), "Партнер"),
                column(TaskCard.MONTH.name(), "Месяц"));
        assertThat(columns("Поддержка партнеров")).contains(column(TaskCard.SUBSCRIBER.name(), "Абонент"),
                column(TaskCard.PARTNER.name(), "Партнер"), column(TaskCard.SUBJECT.name(), "Сотрудник партнера"));
        assertThat(columns("Задачи партнера")).extracting(entry -> entry.get("name"))
                .containsExactlyInAnyOrder(TaskCard.SUBSCRIBER.name(), TaskCard.PARTNER.name(), TaskCard.SUBJECT.name(), TaskCard.MONTH.name());
        assertThat(columns("Модерация конфигураций")).containsExactly(column(TaskCard.SUBJECT.name(), "Конфигурация"),
                column(TaskCard.PARTNER.name(), "Партнер"));
        assertThat(columns("Задачи клиента")).as("no feature names a client's columns yet: the whole card")
                .hasSize(TaskCard.ALL.size());
        assertThat(columns(TasklistFilters.OVERDUE)).hasSize(TaskCard.ALL.size());
    }

    @Test
    void theOverdueFilterListsOnlyTasksPastTheirDueDateOfTheUsersGroups() {
        String group = newGroup();
        String user = newUserIn(group);
        Instant now = Instant.now();
        Task overdue = task(group, now.minus(1, ChronoUnit.HOURS));
        task(group, now.plus(1, ChronoUnit.DAYS));
        task(group, null);
        task(newGroup(), now.minus(2, ChronoUnit.DAYS));
        String filter = filterId(TasklistFilters.OVERDUE);
        identityService.setAuthentication(user, List.of(group));

        List<Task> listed = filterService.listPage(filter, 0, 100);

        assertThat(listed).extracting(Task::getId).containsExactly(overdue.getId());
    }

    @Test
    void aRolesFilterPutsTheClosestDueDateFirstWhateverOrderTasklistAsks() {
        Instant now = Instant.now();
        Task later = task("finance", now.plus(3, ChronoUnit.DAYS));
        Task first = task("finance", now.minus(1, ChronoUnit.DAYS));
        Task next = task("finance", now.plus(1, ChronoUnit.DAYS));
        String filter = filterId("Сверки с партнерами");
        logInAs("fedor");

        List<Task> listed = filterService.listPage(filter, taskService.createTaskQuery().orderByTaskCreateTime().desc(), 0, 100);

        assertThat(listed).extracting(Task::getId).filteredOn(created::contains).containsExactly(first.getId(), next.getId(), later.getId());
    }

    private void logInAs(String user) {
        identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> columns(String filterName) {
        Filter filter = filterService.createTaskFilterQuery().filterName(filterName).singleResult();
        return (List<Map<String, Object>>) filter.getProperties().get("variables");
    }

    private static Map<String, Object> column(String name, String label) {
        return Map.of("name", name, "label", label);
    }

    private String filterId(String name) {
        return filterService.createTaskFilterQuery().filterName(name).singleResult().getId();
    }

    private Task task(String candidateGroup, Instant due) {
        String current = identityService.getCurrentAuthentication() == null ? null : identityService.getCurrentAuthentication().getUserId();
        assertThat(current).as("tasks are made outside any login").isNull();
        Task task = taskService.newTask();
        task.setName("Задача для проверки фильтров");
        task.setDueDate(due == null ? null : Date.from(due));
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), candidateGroup);
        created.add(task.getId());
        return task;
    }

    private String newGroup() {
        Group group = identityService.newGroup("filters-" + UUID.randomUUID().toString().substring(0, 8));
        identityService.saveGroup(group);
        groups.add(group.getId());
        return group.getId();
    }

    private String newUserIn(String group) {
        User user = identityService.newUser("filtersuser" + UUID.randomUUID().toString().substring(0, 8));
        identityService.saveUser(user);
        identityService.createMembership(user.getId(), group);
        users.add(user.getId());
        return user.getId();
    }
}
