package org.pastoralflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditInsertOnly;

/**
 * The embedded default (H2, `./mvnw spring-boot:run`) gets the engine's tables the same way as
 * PostgreSQL: from the engine's scripts on Flyway's connection. An engine that only checks its
 * schema ({@code schema-update: false}: present, and of its own version) then starts on it.
 * PostgreSQL is covered by DatabaseRolesIntegrationTest and every integration test's start.
 */
class EngineSchemaTest {

    @Test
    void flywayMakesTheEnginesTablesOnH2AndTheEngineFindsThemComplete() throws Exception {
        String url = "jdbc:h2:mem:engine-schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .javaMigrations(new AuditInsertOnly()).callbacks(new EngineSchema()).load().migrate();

        ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(url).setJdbcUsername("sa").setJdbcPassword("")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
                .setHistory(ProcessEngineConfiguration.HISTORY_AUDIT).setJobExecutorActivate(false)
                .setProcessEngineName("engine-schema-h2").buildProcessEngine();
        try {
            assertThat(engine.getManagementService().getTableCount()).containsKeys("ACT_RU_TASK", "ACT_HI_TASKINST",
                    "ACT_ID_USER", "ACT_RU_CASE_EXECUTION", "ACT_RE_DECISION_DEF");
        } finally {
            engine.close();
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet index = c.getMetaData().getIndexInfo(null, null, "ACT_RU_TASK", false, false)) {
            boolean parent = false;
            while (index.next()) {
                parent |= "PF_IDX_TASK_PARENT".equalsIgnoreCase(index.getString("INDEX_NAME"));
            }
            assertThat(parent).as("the index EngineIndexes adds").isTrue();
        }
        // a second start of the application: nothing to make, nothing made twice
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .javaMigrations(new AuditInsertOnly()).callbacks(new EngineSchema()).load().migrate();
    }
}
