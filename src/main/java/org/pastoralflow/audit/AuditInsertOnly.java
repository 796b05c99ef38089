package org.pastoralflow.audit;

import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 21.1: on PostgreSQL, nobody but the table's owner may change or remove a row of
 * {@code audit_event}. UPDATE, DELETE and TRUNCATE are revoked from PUBLIC and from every role that
 * holds them, whatever its name: the application's role (operations.md, "Database roles") keeps
 * SELECT and INSERT. Nothing in the application updates or deletes audit rows, so a role that can
 * only add them costs nothing and means a compromised application cannot rewrite who saw what.
 * Flyway runs it as the owner. On H2 (the demo, one user) there is no other role: it does nothing.
 */
@Component
public class AuditInsertOnly implements JavaMigration {

    static final String REVOKE = """
            do $$
            declare
                audit oid := 'audit_event'::regclass;
                holder record;
            begin
                revoke update, delete, truncate on audit_event from public;
                for holder in
                    select distinct r.rolname
                    from pg_class c, aclexplode(c.relacl) a, pg_roles r
                    where c.oid = audit and a.grantee = r.oid and a.grantee <> c.relowner
                      and a.privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE')
                loop
                    execute format('revoke update, delete, truncate on audit_event from %I', holder.rolname);
                end loop;
            end
            $$""";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("21.1");
    }

    @Override
    public String getDescription() {
        return "audit insert only";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(REVOKE);
        }
    }
}
