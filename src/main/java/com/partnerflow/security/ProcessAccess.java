package com.partnerflow.security;

import java.util.Collection;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
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

    ProcessAccess(AuthorizationService authorizationService, IdentityService identityService) {
        this.authorizationService = authorizationService;
        this.identityService = identityService;
    }

    public void grantRead(String processInstanceId, Collection<String> groupIds) {
        // Authorizations are a system action: the partner user whose request triggers this may not
        // create authorizations itself, so the checks are suspended for these two inserts only.
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            for (String groupId : groupIds) {
                grant(groupId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
                grant(groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
            }
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
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
