package com.partnerflow.security;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a partner's permission checks from reading every grant, so its start and task completion cost the same however
 * many requests were completed before (ADR 0050). The grants themselves and what they allow are unchanged.
 * <ol>
 *   <li><b>No scan of the whole table per command.</b> Before its checks, every engine command of a user in any group
 *       read {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}, to leave out of the checks the user's groups
 *       that hold no authorization. PostgreSQL reads all rows for it, and the table holds a row per partner and
 *       completed request until history cleanup. A group without authorizations matches no row in any check, so the
 *       checks here take the user's groups as they are: the same answers without the scan.</li>
 *   <li><b>An index the checks can use on H2.</b> A check for a user in two groups asks
 *       {@code GROUP_ID_ IN (?, ?)} on Camunda's unique constraint {@code ACT_UNIQ_AUTH_GROUP (TYPE_, GROUP_ID_,
 *       RESOURCE_TYPE_, RESOURCE_ID_)}: H2 uses an {@code IN} list only on an index's first column, so it read every
 *       group grant sorted before the match (for {@code partners}: every partner's grants). The constraint is re-created
 *       once with the same columns, the group last: a check finds the few grants on its resource, then filters them by
 *       group. It still forbids the same duplicates, and PostgreSQL uses it as well.</li>
 * </ol>
 */
@Component
class GrantChecksPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(GrantChecksPlugin.class);

    static final String GROUP_CONSTRAINT = "ACT_UNIQ_AUTH_GROUP";
    /** Camunda's columns of {@value #GROUP_CONSTRAINT}, the group last: what every check asks for exactly comes first. */
    static final List<String> COLUMNS = List.of("TYPE_", "RESOURCE_TYPE_", "RESOURCE_ID_", "GROUP_ID_");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new GroupsAsTheyAre();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        groupLast(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource());
    }

    /** Re-creates {@value #GROUP_CONSTRAINT} with the group last, unless it is so already (or another node did it). */
    static void groupLast(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> columns = columns(statement);
            if (columns.isEmpty() || columns.equals(COLUMNS)) {
                return;
            }
            statement.execute("alter table ACT_RU_AUTHORIZATION drop constraint " + GROUP_CONSTRAINT);
            statement.execute("alter table ACT_RU_AUTHORIZATION add constraint " + GROUP_CONSTRAINT
                    + " unique (" + String.join(", ", COLUMNS) + ")");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            log.info("{} re-created as {}, so that permission checks find a resource's grants by index", GROUP_CONSTRAINT, COLUMNS);
        } catch (SQLException e) {
            log.warn("{} could not be re-created as {}; permission checks stay slower on H2", GROUP_CONSTRAINT, COLUMNS, e);
        }
    }

    /** The constraint's columns in their order (upper case), empty when it does not exist. */
    static List<String> columns(Statement statement) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet column = statement.executeQuery("select COLUMN_NAME from INFORMATION_SCHEMA.KEY_COLUMN_USAGE "
                + "where upper(CONSTRAINT_NAME) = '" + GROUP_CONSTRAINT + "' order by ORDINAL_POSITION")) {
            while (column.next()) {
                columns.add(column.getString(1).toUpperCase(java.util.Locale.ROOT));
            }
        }
        return columns;
    }

    /** Camunda's authorization manager, checking the user's groups without first reading which groups hold grants. */
    static final class GroupsAsTheyAre extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds.stream().distinct().toList());
        }
    }
}
