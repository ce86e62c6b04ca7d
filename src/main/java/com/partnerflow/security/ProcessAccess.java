package com.partnerflow.security;

import java.util.Collection;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Lets the partners involved in a request see its process instance and its history. Camunda gives
 * a process instance no authorization of its own; without these a partner would see its tasks but
 * not the instance they belong to, and nobody else's partner sees anything.
 */
@Component
public class ProcessAccess {

    private final AuthorizationService authorizationService;
    private final IdentityService identityService;
    private final TaskService taskService;

    ProcessAccess(AuthorizationService authorizationService, IdentityService identityService, TaskService taskService) {
        this.authorizationService = authorizationService;
        this.identityService = identityService;
        this.taskService = taskService;
    }

    public void grantRead(String processInstanceId, Collection<String> groupIds) {
        // Authorizations are a system action: the partner user whose request triggers this may not
        // create authorizations itself, so the checks are suspended for these inserts only.
        AsSystem.run(identityService, () -> groupIds.forEach(groupId -> grantReadTo(groupId, processInstanceId)));
    }

    /**
     * Moves the open tasks of an instance that wait for one group to another (a subscriber's new
     * partner), unassigned; the new group sees the instance from now on, the old one no longer does.
     * A system action, like the grants.
     */
    public void handOverTasks(String processInstanceId, String fromGroup, String toGroup) {
        AsSystem.run(identityService, () -> {
            for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).taskCandidateGroup(fromGroup)
                    .includeAssignedTasks().list()) {
                taskService.deleteCandidateGroup(task.getId(), fromGroup);
                taskService.addCandidateGroup(task.getId(), toGroup);
                taskService.setAssignee(task.getId(), null);
                revoke(fromGroup, task.getId());
            }
            grantReadTo(toGroup, processInstanceId);
            revoke(fromGroup, processInstanceId);
        });
    }

    private void grantReadTo(String groupId, String processInstanceId) {
        grant(groupId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
        grant(groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
    }

    private void revoke(String groupId, String resourceId) {
        authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceId(resourceId).list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizationService.saveAuthorization(authorization);
    }
}
