package org.pastoralflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the tests' PostgreSQL comes from, in this order:
 * <ol>
 *   <li>an explicitly configured URL: {@code -Dpastoral.test.db.url=...} or {@code PASTORAL_TEST_DB_URL}
 *       (with {@code pastoral.test.db.user/password} or {@code PASTORAL_TEST_DB_USER/PASSWORD});</li>
 *   <li>PostgreSQL on localhost:5432 as user postgres (or {@code PASTORAL_TEST_DB_USER/PASSWORD}):
 *       a throwaway database per use, dropped at the end;</li>
 *   <li>Testcontainers, when a Docker engine is available;</li>
 *   <li>otherwise the tests fail, saying how to get a database. They are never skipped.</li>
 * </ol>
 */
public final class TestDatabase {

    public record Connection_(String url, String user, String password) {
    }

    private static final List<String> created = new ArrayList<>();
    private static Object container;

    private TestDatabase() {
    }

    /** A fresh, empty database for one purpose (the Spring context, a process test's engine, ...). */
    public static synchronized Connection_ fresh(String purpose) {
        String explicit = setting("pastoral.test.db.url", "PASTORAL_TEST_DB_URL");
        if (explicit != null) {
            return new Connection_(explicit, orDefault(setting("pastoral.test.db.user", "PASTORAL_TEST_DB_USER"), "postgres"),
                    orDefault(setting("pastoral.test.db.password", "PASTORAL_TEST_DB_PASSWORD"), ""));
        }
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
        String user = orDefault(setting("pastoral.test.db.user", "PASTORAL_TEST_DB_USER"), "postgres");
        String password = orDefault(setting("pastoral.test.db.password", "PASTORAL_TEST_DB_PASSWORD"), "");
        try (Connection c = DriverManager.getConnection(admin + "?connectTimeout=3", user, password)) {
            if (created.isEmpty()) {
                dropLeftovers(c);
            }
            String name = "pastoral_test_" + purpose + "_" + Instant.now().getEpochSecond() + "_"
                    + UUID.randomUUID().toString().substring(0, 8);
            try (Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
            created.add(name);
            return new Connection_("jdbc:postgresql://127.0.0.1:5432/" + name, user, password);
        } catch (SQLException local) {
            Connection_ fromDocker = testcontainers();
            if (fromDocker != null) {
                return fromDocker;
            }
            throw new IllegalStateException("""
                    The tests need PostgreSQL and found none.
                      - Start one on localhost:5432 that user 'postgres' can reach without a password
                        (e.g. `docker compose up -d db`), or
                      - point the tests at one: -Dpastoral.test.db.url=jdbc:postgresql://host:5432/db
                        (plus -Dpastoral.test.db.user / -Dpastoral.test.db.password), or
                      - run a Docker engine so Testcontainers can start one.
                    Local connection failed with: """ + local.getMessage(), local);
        }
    }

    private static Connection_ testcontainers() {
        try {
            Class<?> factory = Class.forName("org.testcontainers.DockerClientFactory");
            Object instance = factory.getMethod("instance").invoke(null);
            if (!(boolean) factory.getMethod("isDockerAvailable").invoke(instance)) {
                return null;
            }
            if (container == null) {
                org.testcontainers.containers.PostgreSQLContainer<?> pg =
                        new org.testcontainers.containers.PostgreSQLContainer<>("postgres:15-alpine");
                pg.start();
                container = pg;
            }
            var pg = (org.testcontainers.containers.PostgreSQLContainer<?>) container;
            return new Connection_(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword());
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    /**
     * Databases of earlier runs are dropped at the start of a later one, not at JVM exit: the
     * application shuts down its engine in a shutdown hook of its own and still needs its
     * database then. Only databases older than a few hours and not in use are dropped, so runs
     * in parallel (another worktree, CI) keep theirs.
     */
    private static void dropLeftovers(Connection c) {
        long cutoff = Instant.now().minus(Duration.ofHours(3)).getEpochSecond();
        try (Statement s = c.createStatement();
             var names = s.executeQuery("select datname from pg_database where datname like 'pastoral_test_%'")) {
            List<String> old = new ArrayList<>();
            while (names.next()) {
                String[] parts = names.getString(1).split("_");
                if (parts.length >= 5 && parts[parts.length - 2].matches("\\d+")
                        && Long.parseLong(parts[parts.length - 2]) < cutoff) {
                    old.add(names.getString(1));
                }
            }
            for (String name : old) {
                try (Statement drop = c.createStatement()) {
                    drop.execute("drop database if exists " + name);
                } catch (SQLException inUse) {
                    // still used by some run: leave it
                }
            }
        } catch (SQLException ignored) {
            // tidying up is best effort
        }
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v;
    }

    private static String orDefault(String v, String fallback) {
        return v == null ? fallback : v;
    }
}
