package org.pastoralflow.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.pastoralflow.support.ApiUser;
import org.pastoralflow.support.PackagedApplication;
import org.pastoralflow.support.TestDatabase;

/**
 * Nothing acknowledged is lost when the application dies (issue 14). The packaged application
 * runs as a process of its own; four clients raise concerns through {@code POST /api/referrals};
 * after the {@value #KILL_AFTER}th {@code 201 Created} it gets SIGKILL while other requests are
 * still in flight. Started again on the same database, every reference a client was given must
 * exist with its process waiting at an open task, and the references handed out after the
 * restart must be new ones. Once on the embedded default (H2 in {@code ./data/}), once on
 * PostgreSQL. Runs in {@code ./mvnw verify}, after {@code package} (maven-failsafe-plugin).
 */
class ReferralKillIT {

    static final int CLIENTS = 4;
    static final int REFERRALS = 200;
    static final int KILL_AFTER = 80;
    static final int AFTER_RESTART = 20;

    /** The demo school's teacher raises the concerns, as in the issue; the demo also works on a database the suite shares. */
    static final String USER = "teacher";
    static final String PASSWORD = "demo";
    static final Duration START_LIMIT = Duration.ofMinutes(4);
    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Test
    void theEmbeddedDefaultLosesNothingAcknowledged() throws Exception {
        Path dir = runDirectory("h2");
        Path file = dir.resolve("data").resolve("pastoral-flow");
        // no settings at all: application.yml's default profile, ./data/ in the working directory, the demo school
        Outcome outcome = raiseKillRestart(dir, List.of(), Map.of(),
                () -> DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", ""));
        outcome.assertNothingLost();
    }

    @Test
    void postgresLosesNothingAcknowledged() throws Exception {
        Path dir = runDirectory("postgres");
        TestDatabase.Connection_ db = TestDatabase.fresh("kill");
        Outcome outcome = raiseKillRestart(dir, List.of("--spring.profiles.active=postgres"),
                Map.of("DATABASE_URL", db.url(), "DATABASE_USER", db.user(), "DATABASE_PASSWORD", db.password(),
                        "PASTORAL_DEMO", "true"),
                () -> DriverManager.getConnection(db.url(), db.user(), db.password()));
        outcome.assertNothingLost();
    }

    interface Database {
        Connection open() throws Exception;
    }

    Outcome raiseKillRestart(Path dir, List<String> args, Map<String, String> env, Database database) throws Exception {
        Outcome o = new Outcome(dir.getFileName().toString());
        List<String> upns = demoStudents();
        long began = System.nanoTime();

        PackagedApplication first = PackagedApplication.start(dir, dir.resolve("first.log"), args, env);
        try {
            o.firstStart = first.awaitReady(START_LIMIT);
            o.firstStartSpring = first.springStartSeconds();
            Load load = new Load(new ApiUser(first.port(), USER, PASSWORD), o.name, upns, first);
            load.run();
            o.exitValue = first.awaitKilled();
            o.acknowledged.putAll(load.acknowledged);
            o.inFlight = load.inFlight.get();
            o.refused = load.refused.get();
            o.referralsPerSecond = load.referralsPerSecond;
        } finally {
            first.stopIfAlive();
        }

        PackagedApplication second = PackagedApplication.start(dir, dir.resolve("second.log"), args, env);
        try {
            o.restart = second.awaitReady(START_LIMIT);
            o.restartSpring = second.springStartSeconds();
            ApiUser teacher = new ApiUser(second.port(), USER, PASSWORD);
            for (int i = 0; i < AFTER_RESTART; i++) {
                HttpResponse<String> r = teacher.post("/api/referrals", concern(upns.get(i % upns.size()), o.name, "after the restart " + i));
                if (r.statusCode() == 201) {
                    o.afterRestart.add(reference(r));
                } else {
                    o.refusedAfterRestart.add(r.statusCode() + " " + r.body());
                }
            }
            second.stop();
        } finally {
            second.stopIfAlive();
        }

        // the database as the restarted application left it
        try (Connection c = database.open(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("""
                     select r.reference, r.description,
                            (select count(*) from act_ru_task t where t.proc_inst_id_ = r.process_instance_id) as open_tasks
                     from referral r""")) {
            while (rows.next()) {
                o.stored.put(rows.getString(1), new Stored(rows.getString(2), rows.getInt(3)));
            }
        }
        o.seconds = (System.nanoTime() - began) / 1e9;
        o.write(dir.resolve("outcome.txt"));
        return o;
    }

    /** The clients: {@value #CLIENTS} threads raising concerns until the application is killed. */
    static final class Load {
        final ApiUser api;
        final String run;
        final List<String> upns;
        final PackagedApplication app;
        /** reference → the description sent with it */
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger acks = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicBoolean killed = new AtomicBoolean();
        double referralsPerSecond;

        Load(ApiUser api, String run, List<String> upns, PackagedApplication app) {
            this.api = api;
            this.run = run;
            this.upns = upns;
            this.app = app;
        }

        void run() throws Exception {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    int i;
                    while (!killed.get() && (i = sent.getAndIncrement()) < REFERRALS) {
                        try {
                            Map<String, Object> concern = concern(upns.get(i % upns.size()), run, "load " + i);
                            HttpResponse<String> r = api.post("/api/referrals", concern);
                            if (r.statusCode() != 201) {
                                refused.incrementAndGet();
                                continue;
                            }
                            acknowledged.put(reference(r), (String) concern.get("description"));
                            if (acks.incrementAndGet() == KILL_AFTER && killed.compareAndSet(false, true)) {
                                referralsPerSecond = KILL_AFTER / ((System.nanoTime() - start) / 1e9);
                                app.kill();
                            }
                        } catch (IOException brokenByTheKill) {
                            if (!killed.get()) {
                                throw new IllegalStateException("request failed before the kill", brokenByTheKill);
                            }
                            inFlight.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).as("clients finished").isTrue();
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(killed).as("killed after %d acknowledgements (of %d sent)", KILL_AFTER, sent.get()).isTrue();
        }
    }

    record Stored(String description, int openTasks) {
    }

    /** What one run found; the figures go to target/kill-it/<database>-<time>/outcome.txt and the test's output. */
    static final class Outcome {
        final String name;
        /** reference → the description sent with it */
        final Map<String, String> acknowledged = new HashMap<>();
        final List<String> afterRestart = new ArrayList<>();
        final List<String> refusedAfterRestart = new ArrayList<>();
        final Map<String, Stored> stored = new HashMap<>();
        int exitValue;
        int inFlight;
        int refused;
        double referralsPerSecond;
        double firstStart;
        double firstStartSpring;
        double restart;
        double restartSpring;
        double seconds;

        Outcome(String name) {
            this.name = name;
        }

        /** Acknowledged references with no row, or whose row is now another concern (the reference handed out again). */
        List<String> missing() {
            return acknowledged.entrySet().stream()
                    .filter(a -> !stored.containsKey(a.getKey()) || !stored.get(a.getKey()).description().equals(a.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
        }

        List<String> withoutOneOpenTask() {
            List<String> missing = missing();
            return acknowledged.keySet().stream().filter(r -> !missing.contains(r) && stored.get(r).openTasks() != 1)
                    .sorted().toList();
        }

        /** References given after the restart that had been given before it, or twice after it. */
        List<String> collisions() {
            Set<String> given = new HashSet<>(acknowledged.keySet());
            return afterRestart.stream().filter(r -> !given.add(r)).sorted().toList();
        }

        /** This run's rows nobody was told about: requests in flight whose transaction had committed when the process died. */
        long committedUnanswered() {
            Set<String> told = new HashSet<>(acknowledged.keySet());
            told.addAll(afterRestart);
            return stored.entrySet().stream().filter(r -> r.getValue().description().startsWith(marker(name)))
                    .filter(r -> !told.contains(r.getKey())).count();
        }

        String figures() {
            return String.format("""
                    %s: kill -9 after %d acknowledgements, exit value %d (137 = SIGKILL)
                      acknowledged %d, in flight at the kill %d, answered with another status than 201: %d, %.1f referrals/s before the kill
                      after the restart: acknowledged concerns found %d, missing %d %s, without exactly one open task %d
                      references handed out after the restart %d (refused %d), colliding with earlier ones %d %s
                      committed although the client heard nothing: %d
                      start-up to ready: first %.1f s (Spring Boot: %.1f s), restart %.1f s (Spring Boot: %.1f s); whole run %.1f s
                    """, name, KILL_AFTER, exitValue, acknowledged.size(), inFlight, refused, referralsPerSecond,
                    acknowledged.size() - missing().size(), missing().size(), missing(), withoutOneOpenTask().size(),
                    afterRestart.size(), refusedAfterRestart.size(), collisions().size(), collisions(),
                    committedUnanswered(),
                    firstStart, firstStartSpring, restart, restartSpring, seconds);
        }

        void write(Path file) throws IOException {
            System.out.print(figures());
            Files.writeString(file, figures());
        }

        void assertNothingLost() {
            assertThat(exitValue).as("destroyForcibly ended the application with SIGKILL").isEqualTo(PackagedApplication.KILLED_BY_SIGKILL);
            assertThat(acknowledged).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(KILL_AFTER);
            assertThat(inFlight).as("requests in flight when the application was killed").isPositive();
            assertThat(refused).as("requests answered with another status than 201 Created").isZero();
            assertThat(missing()).as("acknowledged concerns missing after the restart, or their reference now on another concern").isEmpty();
            assertThat(withoutOneOpenTask()).as("acknowledged referrals without exactly one open task").isEmpty();
            assertThat(refusedAfterRestart).as("concerns refused after the restart").isEmpty();
            assertThat(afterRestart).as("references handed out after the restart").hasSize(AFTER_RESTART);
            assertThat(collisions()).as("references handed out twice").isEmpty();
        }
    }

    static Map<String, Object> concern(String upn, String run, String what) {
        String when = LocalDateTime.now(ZoneId.of("Europe/London")).minusHours(1).format(MINUTES);
        return Map.of("upn", upn, "category", "welfare", "occurredAt", when, "location", "Corridor by the library",
                "immediateRisk", false, "description", marker(run) + what + ": seemed withdrawn at break and did not want to go home.");
    }

    static String marker(String run) {
        return "Kill -9 test " + run + ", ";
    }

    static String reference(HttpResponse<String> created) throws Exception {
        return String.valueOf(ApiUser.map(created.body()).get("reference"));
    }

    /** Students of the demo school (invented by gen_school.py), which the application seeds at its first start. */
    static List<String> demoStudents() throws IOException {
        try (InputStream in = ReferralKillIT.class.getResourceAsStream("/demo/students.csv")) {
            assertThat(in).as("demo/students.csv on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).limit(10)
                    .map(row -> row.substring(0, row.indexOf(','))).toList();
        }
    }

    static Path runDirectory(String database) throws IOException {
        Path dir = Path.of("target", "kill-it", database + "-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(dir);
        return dir;
    }
}
