package org.pastoralflow.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.pastoralflow.referral.ReferralProcess;
import org.pastoralflow.student.UpnTestSupport;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A trust-sized case load, made from a seed so every run loads the same data: 15,000 students,
 * 50,000 open tasks, 1,000,000 chronology entries (sizes can be lowered with {@code -Dbench.students},
 * {@code -Dbench.tasks}, {@code -Dbench.events} for a quick try; the seed is {@code -Dbench.seed}).
 *
 * <p>How each part is loaded, and why it is still realistic:
 * <ul>
 *   <li>students, referral records and chronology entries: PostgreSQL COPY through the JDBC
 *       driver's CopyManager, straight into the tables Flyway made, with ids from 100,000,000 up so
 *       they never meet the ids Hibernate takes from the sequences;</li>
 *   <li>staff: real users and memberships through the engine's IdentityService;</li>
 *   <li>open tasks: real instances of {@code referral.bpmn}, one per referral record, started
 *       through the engine's {@code createProcessInstanceByKey(...).startBeforeActivity(...)} at the
 *       user task they are waiting in (PSO triage, DSL review, SENCO review, write a support plan,
 *       review a plan, record an external referral or agency feedback), with the variables the
 *       real path would have set. The engine writes the executions, the task, its candidate
 *       group, its due date and priority from the model's expressions, the boundary timers of
 *       DSL review and agency feedback, and the history, exactly as if the instance had got
 *       there on its own; skipping the steps before the wait only saves time. About a third of
 *       the tasks are claimed by a member of the task's group (the personal inboxes).</li>
 * </ul>
 * Afterwards the tables are ANALYZEd, as autovacuum would do soon after such a load.
 */
public class TrustScaleData {

    public static final long ID_BASE = 100_000_000L;

    /** Where open tasks wait, how many of every 100 wait there, and who holds the referral. */
    record Waiting(String activity, int share, String group, String stage) {
    }

    static final List<Waiting> MIX = List.of(
            new Waiting("Task_PsoTriage", 30, "pso", "WITH_PSO"),
            new Waiting("Task_DslReview", 14, "dsl", "WITH_DSL"),
            new Waiting("Task_SencoReview", 8, "senco", "WITH_SENCO"),
            new Waiting("Task_WriteSupportPlan", 12, "pso", "SUPPORT_PLAN"),
            new Waiting("Task_WriteSupportPlan", 4, "senco", "SUPPORT_PLAN"),
            new Waiting("Task_ReviewPlan", 16, "pso", "SUPPORT_PLAN"),
            new Waiting("Task_ReviewPlan", 6, "senco", "SUPPORT_PLAN"),
            new Waiting("Task_RecordExternalReferral", 4, "dsl", "EXTERNAL"),
            new Waiting("Task_RecordAgencyFeedback", 6, "dsl", "EXTERNAL"));

    /** Staff per group across the trust: 15 schools of 8 PSOs, 2 DSLs, 1 SENCO and 5 Heads of Year. */
    static final Map<String, Integer> STAFF = new LinkedHashMap<>(Map.of("pso", 120, "dsl", 30, "senco", 15, "hoy", 75));

    static final String[] SURNAMES = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
            "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Khan",
            "Lewis", "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward"};
    static final String[] FORENAMES = {"Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Sophia", "Grace",
            "Freya", "Noah", "Oliver", "George", "Arthur", "Muhammad", "Leo", "Harry", "Oscar", "Archie", "Henry",
            "Theo", "Jack", "Charlie", "Finley", "Aisha", "Zara", "Maya", "Elijah", "Jacob", "Ruby"};
    static final String[] KINDS = {"NOTE", "NOTE", "NOTE", "CONTACT_HOME", "CONTACT_HOME", "SESSION", "INCIDENT",
            "DECISION", "REVIEW", "CONCERN"};

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;

    final long seed = Long.getLong("bench.seed", 20261122L);
    final int students = Integer.getInteger("bench.students", 15_000);
    final int openTasks = Integer.getInteger("bench.tasks", 50_000);
    final int events = Integer.getInteger("bench.events", 1_000_000);

    private boolean loaded;
    private final Map<String, Double> loadSeconds = new LinkedHashMap<>();
    private final List<String> staffIds = new ArrayList<>();

    public TrustScaleData(DataSource dataSource, PlatformTransactionManager transactions, RuntimeService runtime,
                          TaskService tasks, IdentityService identity) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** Loads the data once per database; every bench that wants it calls this first. */
    public synchronized void ensureLoaded() throws Exception {
        if (loaded) {
            return;
        }
        long start = System.nanoTime();
        List<Long> studentIds = timed("students", this::loadStudents);
        timed("staff", () -> {
            loadStaff();
            return null;
        });
        List<String> instanceIds = timed("open tasks (engine)", () -> startInstances(studentIds));
        timed("referral records", () -> {
            loadReferrals(studentIds, instanceIds);
            return null;
        });
        timed("chronology", () -> {
            loadChronology(studentIds);
            return null;
        });
        // what autovacuum does within a minute or two of a bulk load in a live database (PostgreSQL 13+
        // vacuums after inserts too): statistics, and the visibility map that index-only scans need
        timed("vacuum analyze", () -> {
            jdbc.execute("vacuum analyze");
            return null;
        });
        double total = (System.nanoTime() - start) / 1e9;
        loaded = true;
        loadSeconds.forEach((part, s) -> BenchResults.value("TrustScaleData", "load: " + part, s, "s", null, null));
        BenchResults.value("TrustScaleData", "load: total", total, "s", null, null);
        BenchResults.info("TrustScaleData", "students / open tasks / chronology entries / seed",
                jdbc.queryForObject("select count(*) from student", Long.class) + " / "
                        + jdbc.queryForObject("select count(*) from act_ru_task", Long.class) + " / "
                        + jdbc.queryForObject("select count(*) from chronology_entry", Long.class) + " / " + seed);
        BenchResults.info("TrustScaleData", "open tasks by candidate group", jdbc.queryForList(
                "select l.group_id_ as g, count(*) as n, count(t.assignee_) as claimed from act_ru_task t "
                        + "join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' "
                        + "group by l.group_id_ order by 2 desc").stream()
                .map(r -> r.get("g") + " " + r.get("n") + " (" + r.get("claimed") + " claimed)").toList());
        System.out.printf("Trust-scale data loaded in %.1f s: %s%n", total, loadSeconds);
    }

    interface Part<T> {
        T run() throws Exception;
    }

    private <T> T timed(String part, Part<T> work) throws Exception {
        long t = System.nanoTime();
        T result = work.run();
        loadSeconds.put(part, BenchResults.round((System.nanoTime() - t) / 1e9));
        System.out.printf("  loaded %s in %.1f s%n", part, (System.nanoTime() - t) / 1e9);
        return result;
    }

    /** Adds generated students until there are {@link #students}; returns every student id. */
    List<Long> loadStudents() throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        long existing = jdbc.queryForObject("select count(*) from student", Long.class);
        StringBuilder csv = new StringBuilder();
        Instant now = Instant.now();
        for (int i = 0; i < students - existing; i++) {
            int year = 7 + random.nextInt(7);
            String upn = UpnTestSupport.valid(String.format("999%08dT", i));
            LocalDate born = LocalDate.of(2026 - year - 5, 9, 1).plusDays(random.nextInt(365));
            csv.append(ID_BASE + i).append(',').append(upn).append(',')
                    .append(SURNAMES[random.nextInt(SURNAMES.length)]).append(',')
                    .append(FORENAMES[random.nextInt(FORENAMES.length)]).append(",,")
                    .append(born).append(',').append(random.nextBoolean() ? 'F' : 'M').append(',')
                    .append(year).append(',').append(year).append((char) ('A' + random.nextInt(8))).append(',')
                    .append(random.nextInt(10) == 0 ? 'K' : random.nextInt(40) == 0 ? 'E' : 'N').append(',')
                    .append(random.nextInt(40) == 0).append(',').append(random.nextInt(5) == 0).append(',')
                    .append(random.nextInt(6) == 0).append(',').append(random.nextInt(100) == 0).append(',')
                    .append(random.nextInt(30) == 0).append(',').append(false).append(',')
                    .append(now).append('\n');
        }
        copy("copy student (id, upn, legal_surname, legal_forename, preferred_forename, date_of_birth, gender, "
                + "year_group, reg_group, sen_status, ehcp, fsm, eal, in_care, young_carer, cp_plan, imported_at) "
                + "from stdin with (format csv)", csv);
        return jdbc.queryForList("select id from student order by id", Long.class);
    }

    void loadStaff() {
        for (var group : STAFF.entrySet()) {
            for (int i = 1; i <= group.getValue(); i++) {
                String id = String.format("bench-%s-%03d", group.getKey(), i);
                staffIds.add(id);
                if (identity.createUserQuery().userId(id).count() > 0) {
                    continue;
                }
                User u = identity.newUser(id);
                u.setFirstName("Bench");
                u.setLastName(group.getKey().toUpperCase() + " " + i);
                u.setPassword("Trust-scale-" + seed + "!"); // meets the password policy (enable-password-policy)
                identity.saveUser(u);
                identity.createMembership(id, "staff");
                identity.createMembership(id, group.getKey());
            }
        }
    }

    private Waiting waitingFor(int i) {
        int slot = (int) Math.floorMod(i * 37L + seed, 100);
        int upTo = 0;
        for (Waiting w : MIX) {
            upTo += w.share();
            if (slot < upTo) {
                return w;
            }
        }
        return MIX.get(0);
    }

    private long studentFor(int i, List<Long> studentIds) {
        // a few students have many referrals, most have one or two
        SplittableRandom r = new SplittableRandom(seed * 31 + i);
        int n = studentIds.size();
        return studentIds.get(r.nextInt(4) == 0 ? r.nextInt(Math.max(1, n / 20)) : r.nextInt(n));
    }

    /** Who has claimed task i, or null: about a third are claimed, the demo "pso" and "dsl" among the claimants. */
    private String claimant(int i, String group) {
        SplittableRandom r = new SplittableRandom(seed * 17 + i);
        if (r.nextInt(3) != 0) {
            return null;
        }
        int staff = STAFF.get(group);
        int who = r.nextInt(staff + 1);
        if (who == staff) {
            return group.equals("senco") ? "senco" : group.equals("dsl") ? "dsl" : "pso";
        }
        return String.format("bench-%s-%03d", group, who + 1);
    }

    /** One engine instance per referral, in transactions of 250, on two threads. Returns the instance ids. */
    List<String> startInstances(List<Long> studentIds) throws Exception {
        String[] ids = new String[openTasks];
        int batch = 250;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int from = 0; from < openTasks; from += batch) {
            int start = from;
            int end = Math.min(openTasks, from + batch);
            done.add(pool.submit(() -> transaction.executeWithoutResult(status -> {
                for (int i = start; i < end; i++) {
                    Waiting w = waitingFor(i);
                    Map<String, Object> vars = new HashMap<>();
                    vars.put(ReferralProcess.REFERRAL_ID, ID_BASE + i);
                    vars.put(ReferralProcess.STUDENT_ID, studentFor(i, studentIds));
                    vars.put(ReferralProcess.REFERENCE, reference(i));
                    vars.put(ReferralProcess.IMMEDIATE_RISK, w.group().equals("dsl") && i % 10 == 0);
                    vars.put(ReferralProcess.ROUTE, w.group());
                    vars.put(ReferralProcess.OWNER_GROUP, w.group());
                    String id = runtime.createProcessInstanceByKey(ReferralProcess.KEY).businessKey(reference(i))
                            .setVariables(vars).startBeforeActivity(w.activity()).execute().getId();
                    ids[i] = id;
                    String who = claimant(i, w.group());
                    if (who != null) {
                        Task t = tasks.createTaskQuery().processInstanceId(id).singleResult();
                        tasks.claim(t.getId(), who);
                    }
                }
            })));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return List.of(ids);
    }

    static String reference(int i) {
        return String.format("B26-%06d", i);
    }

    private static String category(Waiting w) {
        return switch (w.group()) {
            case "dsl" -> "safeguarding";
            case "senco" -> "send";
            default -> "welfare";
        };
    }

    /** A referral and its concern are at the level of the group that holds it, as the routing table gives it. */
    static String confidentialityOf(Waiting w) {
        return switch (w.group()) {
            case "dsl" -> "SAFEGUARDING";
            case "senco" -> "SEND";
            default -> "PASTORAL";
        };
    }

    void loadReferrals(List<Long> studentIds, List<String> instanceIds) throws Exception {
        StringBuilder csv = new StringBuilder();
        Instant now = Instant.now();
        for (int i = 0; i < openTasks; i++) {
            Waiting w = waitingFor(i);
            Instant raised = now.minus(1 + i % 120, ChronoUnit.DAYS);
            csv.append(ID_BASE + i).append(',').append(reference(i)).append(',').append(studentFor(i, studentIds)).append(',')
                    .append(category(w)).append(",A concern raised for the benchmark number ").append(i).append(',')
                    .append(raised).append(',').append(w.group().equals("dsl") && i % 10 == 0).append(",teacher,")
                    .append(raised).append(',').append(w.group()).append(',').append(w.stage()).append(',')
                    .append(instanceIds.get(i)).append(",0,").append(confidentialityOf(w)).append('\n');
        }
        copy("copy referral (id, reference, student_id, category, description, occurred_at, immediate_risk, raised_by, "
                + "raised_at, route, stage, process_instance_id, version, confidentiality) from stdin with (format csv)", csv);
    }

    /**
     * One concern per referral, at the confidentiality of its route, then notes, contacts home,
     * sessions and the like until there are {@link #events} entries: a fifth safeguarding, a tenth SEND.
     */
    void loadChronology(List<Long> studentIds) throws Exception {
        SplittableRandom random = new SplittableRandom(seed + 7);
        Instant now = Instant.now();
        long existing = jdbc.queryForObject("select count(*) from chronology_entry", Long.class);
        StringBuilder csv = new StringBuilder();
        long id = ID_BASE;
        int chunk = 0;
        for (int i = 0; i < openTasks && existing + (id - ID_BASE) < events; i++, id++) {
            Waiting w = waitingFor(i);
            String conf = confidentialityOf(w);
            Instant at = now.minus(1 + i % 120, ChronoUnit.DAYS);
            csv.append(id).append(',').append(studentFor(i, studentIds)).append(",CONCERN,").append(conf).append(',')
                    .append(at).append(',').append(at).append(",teacher,Concern (Welfare) ").append(reference(i))
                    .append(",What was seen and heard for concern ").append(i).append(",referral,").append(ID_BASE + i).append('\n');
            if (++chunk == 100_000) {
                chunk = flushChronology(csv);
            }
        }
        while (existing + (id - ID_BASE) < events) {
            long student = studentIds.get(random.nextInt(4) == 0 ? random.nextInt(Math.max(1, studentIds.size() / 20))
                    : random.nextInt(studentIds.size()));
            int c = random.nextInt(10);
            String conf = c < 2 ? "SAFEGUARDING" : c < 3 ? "SEND" : "PASTORAL";
            Instant at = now.minusSeconds(random.nextLong(3L * 365 * 24 * 3600));
            String kind = KINDS[random.nextInt(KINDS.length)];
            csv.append(id).append(',').append(student).append(',').append(kind).append(',').append(conf).append(',')
                    .append(at).append(',').append(at).append(',').append(staffIds.isEmpty() ? "pso" : staffIds.get(random.nextInt(staffIds.size())))
                    .append(",").append(kind.charAt(0)).append(kind.substring(1).toLowerCase().replace('_', ' '))
                    .append(" number ").append(id - ID_BASE).append(",A line or two of what was said and done (")
                    .append(id).append("),,\n");
            id++;
            if (++chunk == 100_000) {
                chunk = flushChronology(csv);
            }
        }
        flushChronology(csv);
    }

    private int flushChronology(StringBuilder csv) throws Exception {
        copy("copy chronology_entry (id, student_id, kind, confidentiality, occurred_at, recorded_at, recorded_by, summary, "
                + "detail, source_type, source_id) from stdin with (format csv)", csv);
        csv.setLength(0);
        return 0;
    }

    private void copy(String sql, StringBuilder csv) throws Exception {
        if (csv.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
        }
    }
}
