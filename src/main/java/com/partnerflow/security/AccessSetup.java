package com.partnerflow.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of DESIGN.md, what each may do in the engine and the webapps (the processes' grants come from the
 * features, {@link ProcessGrants}), and Tasklist's filters ({@link TasklistFilters}). Runs at every start in every profile and only adds what is missing, so an
 * administrator's later changes in Camunda Admin are kept.
 */
@Component
class AccessSetup {

    private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

    static final Map<String, String> GROUPS = Map.of(
            Groups.VENDOR_STAFF, "Сотрудники фирмы (поддержка партнеров)",
            Groups.PARTNERS, "Сотрудники партнеров",
            Groups.CLIENTS, "Пользователи клиентов",
            Groups.OPS, "Эксплуатация",
            Groups.AUDITORS, "Аудиторы доработок",
            Groups.AUDIT_LEADS, "Руководители аудита",
            Groups.MODERATORS, "Модераторы конфигураций",
            Groups.FINANCE, "Финансовая служба");

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final TasklistFilters filters;
    private final List<ProcessGrants> contributions;

    AccessSetup(IdentityService identityService, AuthorizationService authorizationService, TasklistFilters filters,
                List<ProcessGrants> contributions) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filters = filters;
        this.contributions = contributions;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void setUp() {
        GROUPS.forEach(this::ensureGroup);

        for (String group : new String[] {Groups.VENDOR_STAFF, Groups.PARTNERS, Groups.CLIENTS, Groups.AUDITORS, Groups.AUDIT_LEADS,
                Groups.MODERATORS, Groups.FINANCE}) {
            ensure(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        ensure(Groups.OPS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);

        // what each feature's processes allow, contributed by the features themselves
        ProcessGrants.Grants grants = new ProcessGrants.Grants() {
            @Override
            public void process(String group, String processKey, Permission... permissions) {
                ensure(group, Resources.PROCESS_DEFINITION, processKey, permissions);
            }

            @Override
            public void startInstances(String group) {
                ensure(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
            }
        };
        contributions.forEach(contribution -> contribution.grant(grants));

        // operations watch everything in Cockpit, read only, except that they retry failed jobs (an incident's
        // «Retry»): RETRY_JOB allows nothing else, no variables, no modification, no deletion
        ensure(Groups.OPS, Resources.PROCESS_DEFINITION, Authorization.ANY,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.RETRY_JOB);
        // databases set up before operations could retry keep their grant: add the one permission to it
        addToGrant(Groups.OPS, Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.RETRY_JOB);
        ensure(Groups.OPS, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
        ensure(Groups.OPS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);

        // Who is who (names, e-mails, memberships) only for the vendor's own people: a partner must not list
        // a competitor's staff. Everyone still reads their own user (Camunda grants each user ALL on itself)
        // and the groups they belong to (Camunda grants members READ on a new group). Vendor staff need it
        // also inside the process: rejecting a transfer looks up the submitter's e-mail (UserDirectory).
        for (String group : new String[] {Groups.VENDOR_STAFF, Groups.OPS}) {
            ensure(group, Resources.USER, Authorization.ANY, Permissions.READ);
            ensure(group, Resources.GROUP, Authorization.ANY, Permissions.READ);
        }
        revokeGlobal(Resources.USER);
        revokeGlobal(Resources.GROUP);
        downgradeTaskGrants();

        filters.setUp();
        log.info("Groups, authorizations and Tasklist filters are in place");
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void ensure(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (!exists) {
            Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            save(authorization, resource, resourceId, permissions);
        }
    }

    private void addToGrant(String groupId, Resource resource, String resourceId, Permission permission) {
        for (Authorization grant : authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(resource).resourceId(resourceId).list()) {
            if (!grant.isPermissionGranted(permission)) {
                grant.addPermission(permission);
                authorizationService.saveAuthorization(grant);
            }
        }
    }

    /**
     * Earlier versions granted everybody READ on all users and groups; "only add what is missing" would
     * keep that grant in existing databases forever, so a global grant on the whole directory is removed.
     */
    private void revokeGlobal(Resource resource) {
        authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(Authorization.ANY).list()
                .forEach(authorization -> {
                    log.warn("Removing the global authorization {} on every {}: the directory is not for partners",
                            authorization.getId(), resource.resourceName());
                    authorizationService.deleteAuthorization(authorization.getId());
                });
    }

    /**
     * Tasks created before their people got {@code TASK_WORK} instead of {@code UPDATE} ({@link EngineHardeningPlugin})
     * keep no more than new ones get.
     */
    private void downgradeTaskGrants() {
        List<Authorization> grants = authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.TASK).hasPermission(Permissions.UPDATE).list().stream()
                .filter(grant -> !Authorization.ANY.equals(grant.getResourceId()))
                .toList();
        for (Authorization grant : grants) {
            grant.removePermission(Permissions.UPDATE);
            grant.addPermission(Permissions.TASK_WORK);
            authorizationService.saveAuthorization(grant);
        }
        if (!grants.isEmpty()) {
            log.info("{} task authorizations reduced from UPDATE to TASK_WORK", grants.size());
        }
    }

    private void save(Authorization authorization, Resource resource, String resourceId, Permission... permissions) {
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
