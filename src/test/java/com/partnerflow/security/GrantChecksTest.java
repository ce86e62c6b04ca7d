package com.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;

/**
 * ADR 0050: a partner's permission checks find its grants by index and read no table-wide list first, and answer as
 * Camunda's own checks do.
 */
class GrantChecksTest extends IntegrationTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestData data;

    @Test
    void theGroupUniqueConstraintEndsWithTheGroupSoThatH2FindsAResourcesGrantsByIndex() {
        assertThat(new JdbcTemplate(dataSource).queryForList("select COLUMN_NAME from INFORMATION_SCHEMA.KEY_COLUMN_USAGE "
                + "where CONSTRAINT_NAME = 'ACT_UNIQ_AUTH_GROUP' order by ORDINAL_POSITION", String.class))
                .containsExactly("TYPE_", "RESOURCE_TYPE_", "RESOURCE_ID_", "GROUP_ID_");
    }

    @Test
    void reCreatingTheConstraintTwiceChangesNothing() throws Exception {
        GrantChecksPlugin.groupLast(dataSource);
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            assertThat(GrantChecksPlugin.columns(statement)).isEqualTo(GrantChecksPlugin.COLUMNS);
        }
    }

    @Test
    void theConstraintStillRefusesASecondGrantOfTheSameGroupOnTheSameResource() {
        Partner partner = data.partner();
        String instance = "instance-" + System.nanoTime();
        authorizations.saveAuthorization(grant(partner.group(), instance));

        // the engine's own message names no constraint; the database's, at the root, does
        assertThatThrownBy(() -> authorizations.saveAuthorization(grant(partner.group(), instance)))
                .isInstanceOf(ProcessEnginePersistenceException.class)
                .rootCause().hasMessageContaining("ACT_UNIQ_AUTH_GROUP");
    }

    @Test
    void everyCommandChecksTheUsersGroupsWithoutReadingWhichGroupsHoldGrants() {
        AuthorizationManager manager = engine.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager());
        assertThat(manager).isInstanceOf(GrantChecksPlugin.GroupsAsTheyAre.class);
        assertThat(manager.filterAuthenticatedGroupIds(List.of("partners", "no-such-group", "partners")))
                .containsExactly("partners", "no-such-group");
    }

    @Test
    void groupsWithoutGrantsChangeNoAnswer() {
        Partner partner = data.partner();
        Partner other = data.partner();
        String user = data.partnerUser(partner);
        String instance = "instance-" + System.nanoTime();
        authorizations.saveAuthorization(grant(partner.group(), instance));
        List<String> groups = List.of(Groups.PARTNERS, partner.group(), "partneradmins-" + partner.getCode(), "no-such-group");

        assertThat(authorizations.isUserAuthorized(user, groups, Permissions.CREATE, Resources.PROCESS_INSTANCE)).isTrue();
        assertThat(authorizations.isUserAuthorized(user, groups, HistoricProcessInstancePermissions.READ,
                Resources.HISTORIC_PROCESS_INSTANCE, instance)).isTrue();
        assertThat(authorizations.isUserAuthorized(user, List.of(Groups.PARTNERS, other.group(), "no-such-group"),
                HistoricProcessInstancePermissions.READ, Resources.HISTORIC_PROCESS_INSTANCE, instance)).isFalse();
        assertThat(authorizations.isUserAuthorized(user, List.of("no-such-group"), Permissions.CREATE, Resources.PROCESS_INSTANCE)).isFalse();
    }

    private Authorization grant(String group, String instance) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
        grant.setResourceId(instance);
        grant.addPermission(HistoricProcessInstancePermissions.READ);
        return grant;
    }
}
