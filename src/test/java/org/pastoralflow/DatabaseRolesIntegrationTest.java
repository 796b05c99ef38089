package org.pastoralflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditInsertOnly;
import org.pastoralflow.support.TestDatabase;
import org.pastoralflow.workflow.EngineSchema;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The database roles of docker-compose.yml, on the local PostgreSQL: the SQL of the postgres
 * image's init script (src/main/docker/initdb/roles.psql) in a throwaway database, the
 * application's migrations run as the owner role as Spring Boot runs them (spring.flyway.user, the
 * engine's tables included), then, as the application's role: rows can be read and written, the
 * audit trail only added to, the schema not changed, and the engine starts without making anything.
 */
class DatabaseRolesIntegrationTest {

    static final Path ROLES = Path.of("src/main/docker/initdb/roles.psql");

    /**
     * The test changes the owner of its database and drops it at the end: never the one database
     * that -Dpastoral.test.db.url may name for every test, so then it makes a database of its own beside it.
     */
    static TestDatabase.Connection_ ownDatabase(TestDatabase.Connection_ given) throws SQLException {
        String explicit = System.getProperty("pastoral.test.db.url", System.getenv().getOrDefault("PASTORAL_TEST_DB_URL", ""));
        if (explicit == null || explicit.isBlank()) {
            return given;
        }
        String name = "pastoral_test_roles_" + (System.currentTimeMillis() / 1000) + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(given.url(), given.user(), given.password()); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        String base = given.url().contains("?") ? given.url().substring(0, given.url().indexOf('?')) : given.url();
        return new TestDatabase.Connection_(base.substring(0, base.lastIndexOf('/') + 1) + name, given.user(), given.password());
    }

    @Test
    void theApplicationsRoleWritesRowsButCannotChangeTheSchemaOrTheAuditTrail() throws Exception {
        TestDatabase.Connection_ superuser = ownDatabase(TestDatabase.fresh("roles"));
        String database = superuser.url().substring(superuser.url().lastIndexOf('/') + 1);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = "pf_test_owner_" + suffix, app = "pf_test_app_" + suffix;
        String ownerPassword = "owner-" + suffix, appPassword = "app-" + suffix;
        try {
            // what 01-roles.sh has psql run, with the variables it passes
            String sql = Files.readString(ROLES, StandardCharsets.UTF_8)
                    .replace(":\"db\"", "\"" + database + "\"")
                    .replace(":\"owner_role\"", "\"" + owner + "\"").replace(":'owner_password'", "'" + ownerPassword + "'")
                    .replace(":\"app_role\"", "\"" + app + "\"").replace(":'app_password'", "'" + appPassword + "'");
            assertThat(sql).doesNotContain(":\"", ":'");
            try (Connection c = DriverManager.getConnection(superuser.url(), superuser.user(), superuser.password())) {
                ScriptUtils.executeSqlScript(c, new ByteArrayResource(sql.getBytes(StandardCharsets.UTF_8)));
            }

            // the application's migrations and the engine's tables, as the owner
            Flyway.configure().dataSource(superuser.url(), owner, ownerPassword).locations("classpath:db/migration")
                    .javaMigrations(new AuditInsertOnly()).callbacks(new EngineSchema()).load().migrate();

            try (Connection c = DriverManager.getConnection(superuser.url(), app, appPassword); Statement s = c.createStatement()) {
                // rows: yes
                s.execute("insert into audit_event (id, at, actor, action, record_type, detail) "
                        + "values (nextval('audit_event_seq'), now(), 'tester', 'VIEW', 'test', 'roles test')");
                s.execute("update sign_in_alert set last_sent_at = now() where id = 'administrators'");
                s.execute("insert into sign_in_failure (user_id, address, failed_at) values (null, '192.0.2.1', now())");
                s.execute("delete from sign_in_failure where address = '192.0.2.1'");
                s.execute("insert into act_ge_property (name_, value_, rev_) values ('roles.test', 'x', 1)");
                s.execute("delete from act_ge_property where name_ = 'roles.test'");
                // the audit trail: only added to
                for (String change : List.of("update audit_event set detail = 'rewritten'", "delete from audit_event",
                        "truncate audit_event")) {
                    assertThatThrownBy(() -> s.execute(change)).as(change).isInstanceOf(SQLException.class)
                            .hasMessageContaining("permission denied");
                }
                // the schema: not at all
                for (String ddl : List.of("create table roles_test (id int)", "alter table referral add column roles_test int",
                        "drop table notification", "create index roles_test on act_ru_task (name_)", "truncate notification")) {
                    assertThatThrownBy(() -> s.execute(ddl)).as(ddl).isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(e.getMessage().toLowerCase(Locale.ROOT))
                                    .containsAnyOf("permission denied", "must be owner"));
                }
            }

            // the engine, on the application's role, finds its tables (and the extra indexes) and makes nothing
            ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                    .setJdbcDriver("org.postgresql.Driver").setJdbcUrl(superuser.url())
                    .setJdbcUsername(app).setJdbcPassword(appPassword)
                    .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                    .setHistory(ProcessEngineConfiguration.HISTORY_AUDIT).setJobExecutorActivate(false)
                    .setProcessEngineName("roles-" + suffix).buildProcessEngine();
            try {
                assertThat(engine.getIdentityService().createUserQuery().count()).isZero();
                assertThat(engine.getManagementService().getTableCount()).containsKey("ACT_RU_TASK");
            } finally {
                engine.close();
            }
            try (Connection c = DriverManager.getConnection(superuser.url(), superuser.user(), superuser.password());
                 Statement s = c.createStatement();
                 var owners = s.executeQuery("select distinct tableowner from pg_tables where schemaname = 'public'")) {
                owners.next();
                assertThat(owners.getString(1)).as("every table is the owner's").isEqualTo(owner);
                assertThat(owners.next()).isFalse();
            }
        } finally {
            try (Connection c = DriverManager.getConnection(superuser.url().replace("/" + database, "/postgres"),
                    superuser.user(), superuser.password()); Statement s = c.createStatement()) {
                s.execute("drop database if exists \"" + database + "\" with (force)");
                s.execute("drop role if exists \"" + owner + "\"");
                s.execute("drop role if exists \"" + app + "\"");
            }
        }
    }
}
