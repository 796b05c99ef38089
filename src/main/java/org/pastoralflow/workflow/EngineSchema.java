package org.pastoralflow.workflow;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * The engine's tables are made on Flyway's connection, right after the application's migrations,
 * with the engine's own create scripts (the ones its {@code schema-update} runs, shipped in the
 * engine jar): so where Flyway runs as the schema's owner (spring.flyway.user; operations.md,
 * "Database roles"), the application itself connects as a role that cannot create, alter or drop
 * anything. The engine then finds its tables and makes nothing ({@code schema-update: true} stays,
 * for a database this does not know). Upgrades of the engine's schema remain Camunda's scripts, run
 * by hand (operations.md, "Upgrading"); the extra indexes ({@link EngineIndexes}) are made here too.
 */
@Component
public class EngineSchema implements Callback {

    private static final Logger log = LoggerFactory.getLogger(EngineSchema.class);

    /** In the order the engine makes them itself: its runtime, history, identity, case and decision tables. */
    static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            String database = camundaName(connection.getMetaData().getDatabaseProductName());
            if (database == null) {
                return;
            }
            if (!hasTable(connection.getMetaData(), "act_ge_property")) {
                for (String component : COMPONENTS) {
                    ScriptUtils.executeSqlScript(connection, new ClassPathResource(
                            "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + component + ".sql"));
                }
                log.info("Made the engine's tables ({})", database);
            }
            EngineIndexes.create(connection, database.equals("postgres"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make the engine's tables: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "engine-schema";
    }

    /** The databases this application runs on, by the engine's name for them; others are left to the engine. */
    static String camundaName(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        return name.contains("postgres") ? "postgres" : name.equals("h2") ? "h2" : null;
    }

    private static boolean hasTable(DatabaseMetaData meta, String table) throws SQLException {
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet tables = meta.getTables(meta.getConnection().getCatalog(), meta.getConnection().getSchema(), name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
