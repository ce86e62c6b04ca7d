package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.partnerflow.PostgresIntegrationTest;
import com.partnerflow.audit.ExtensionAuditProcess;
import com.partnerflow.audit.InstallationProcess;
import com.partnerflow.billing.SettlementProcess;
import com.partnerflow.moderation.ConfigurationModerationProcess;
import com.partnerflow.reporting.ReportingProcess;
import com.partnerflow.transfer.TransferProcess;
import com.partnerflow.security.Groups;

/**
 * What the {@code postgres} profile sets up on an empty PostgreSQL database: every Flyway migration applied (the
 * PostgreSQL text of V5), Hibernate's validation passed (the context started), Camunda's schema created, the models
 * deployed, the administrator taken from the environment, and nothing of the demo.
 */
class SchemaOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Flyway flyway;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;

    @Test
    void everyMigrationIsAppliedOnPostgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
        List<String> applied = jdbc.queryForList(
                "select version from flyway_schema_history where success and version is not null order by installed_rank", String.class);
        List<String> resolved = Arrays.stream(flyway.info().all()).map(migration -> migration.getVersion().getVersion()).toList();
        assertThat(applied).as("every migration of db/migration and db/vendor/postgresql, in order").isEqualTo(resolved);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'configuration_account_id'", Integer.class))
                .isOne();
    }

    @Test
    void camundaCreatedItsSchemaAndDeployedTheModels() {
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = 'public'"
                + " and table_name in ('act_ru_job', 'act_hi_job_log', 'act_re_procdef', 'act_ge_schema_log')", Integer.class))
                .isEqualTo(4);
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                .extracting(definition -> definition.getKey())
                .contains(TransferProcess.KEY, ReportingProcess.KEY, SettlementProcess.KEY, ExtensionAuditProcess.KEY,
                        InstallationProcess.KEY, ConfigurationModerationProcess.KEY);
        assertThat(repository.createDecisionDefinitionQuery().count()).isPositive();
    }

    @Test
    void theAdministratorComesFromTheEnvironmentAndNoDemoUserExists() {
        assertThat(identity.createUserQuery().userId(ADMIN).memberOfGroup(Groups.ADMIN).count()).isOne();
        assertThat(identity.createUserQuery().userIdIn("admin", "vera", "anna", "boris").count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from partner where code in ('ALFA', 'BETA', 'GAMMA')", Integer.class)).isZero();
    }
}
