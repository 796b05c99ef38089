package org.pastoralflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralProcess;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.StudentImporter;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.TaskForms;
import org.pastoralflow.workflow.TaskInbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark of the referral path, not a test (not named *Test, so the suite never runs it).
 * Run every bench with {@code ./mvnw -B -ntp test -Pbench} (see docs/performance.md); this one
 * alone with {@code -Pbench -Dtest=ReferralBench}. On the trust-scale data ({@link TrustScaleData}),
 * in one JVM and one database, it measures:
 * <ol>
 *   <li>referrals per second through the application's own services, as the pages call them:
 *       raise → first review (half DSL review "pastoral support", half PSO triage "accept") →
 *       support plan; and instances per second of a same-shaped model on the bare engine: the
 *       same routing table, a delegate writing one row, the first review (with the DSL review's
 *       boundary timer on the DSL half), the same hand-over table and a hand-on after it, the plan
 *       task, the wait for the plan review timer. The
 *       ratio of the two is the figure of issue 7. The first benchmark's smaller bare model
 *       (triage, DSL review for half, one row) is measured too, to compare with earlier runs;</li>
 *   <li>SQL statements per referral on each path, the engine's and the application's;</li>
 *   <li>the inbox over HTTP (all, groups, mine), the student page with 500 entries, the import
 *       of 1,500 students, start-up time and heap.</li>
 * </ol>
 * Times are medians and 95th percentiles of wall-clock time on whatever machine runs it.
 */
class ReferralBench extends TrustScaleBenchBase {

    static final String BENCH = "ReferralBench";

    /**
     * The bare model's "Hand the referral on": does nothing, because the application's changes the
     * referral row the decision has already changed in the same transaction, which costs no statement.
     */
    public static class HandOn implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
        }
    }

    /** The delegate of the bare models: writes one row, like the application's case-store write. */
    public static class WriteOneRow implements JavaDelegate {
        static JdbcTemplate jdbc;

        @Override
        public void execute(DelegateExecution execution) {
            jdbc.update("insert into bench_row (instance_id) values (?)", execution.getProcessInstanceId());
        }
    }

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService engineTasks;
    @Autowired ReferralService referrals;
    @Autowired TaskInbox inbox;
    @Autowired TaskForms forms;
    @Autowired StudentImporter importer;
    @Autowired CaseStore caseStore;
    @Autowired JdbcTemplate jdbc;
    @Autowired TrustScaleData data;
    @Autowired SqlCounter sql;
    @Autowired BenchConfig.StartUp startUp;

    final int n = Integer.getInteger("bench.referrals", 300);

    static final Viewer TEACHER = new Viewer("teacher", "Tess Teacher", Set.of("staff"));
    static final Viewer PSO = new Viewer("pso", "Pat Officer", Set.of("staff", "pso"));
    static final Viewer PSO_YEAR_9 = new Viewer("pso9", "Jordan Year-9-Officer", Set.of("staff", "pso"));
    static final Viewer DSL = new Viewer("dsl", "Dee Lead", Set.of("staff", "dsl"));

    @Test
    void run() throws Exception {
        BenchResults.value(BENCH, "start-up of the bench application (empty database)", startUp.seconds, "s", null, null);
        data.ensureLoaded();
        BenchResults.machine("postgres", jdbc.queryForObject("show server_version", String.class));
        BenchResults.machine("historyLevel", jdbc.queryForObject(
                "select value_ from act_ge_property where name_ = 'historyLevel'", String.class) + " (2 = audit)");

        deployBareModels();
        List<Long> pupils = jdbc.queryForList("select id from student order by id limit 200", Long.class);

        // Warm every path up, then measure them in blocks of 25, taking turns, so that whatever
        // else the machine is doing meanwhile weighs on all of them alike; the ratio is of totals.
        bareMinimal(50, 0);
        bareSameShape(50, 0);
        app(50, pupils, 0);
        raiseNanos = reviewNanos = planNanos = 0;
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        sql.reset();
        int block = 25;
        double minimalSeconds = 0, sameShapeSeconds = 0, appSeconds = 0;
        for (int done = 0; done < n; done += block) {
            sql.countAs("bare first bench's model");
            minimalSeconds += bareMinimal(block, done);
            sql.countAs("bare same-shaped");
            sameShapeSeconds += bareSameShape(block, done);
            sql.countAs("application");
            appSeconds += app(block, pupils, done);
            sql.pause();
        }
        int measured = (n + block - 1) / block * block;
        double minimal = measured / minimalSeconds;
        double sameShape = measured / sameShapeSeconds;
        double app = measured / appSeconds;
        SqlCounter.Counts minimalSql = sql.counts("bare first bench's model");
        SqlCounter.Counts sameShapeSql = sql.counts("bare same-shaped");
        SqlCounter.Counts appSql = sql.counts("application");
        BenchResults.info(BENCH, "application, ms per referral: raise / first review / support plan",
                String.format("%.1f / %.1f / %.1f", raiseNanos / 1e6 / measured, reviewNanos / 1e6 / measured,
                        planNanos / 1e6 / measured));
        BenchResults.value(BENCH, "referrals/s, application (raise, review, plan)", app, "/s", null, null);
        BenchResults.value(BENCH, "instances/s, bare engine, same-shaped model", sameShape, "/s", null, null);
        BenchResults.value(BENCH, "ratio application / bare same-shaped", app / sameShape, "", ">= 0.7", app / sameShape >= 0.7);
        BenchResults.value(BENCH, "instances/s, bare engine, first bench's model", minimal, "/s", null, null);
        BenchResults.value(BENCH, "ratio application / first bench's model", app / minimal, "", null, null);
        statements("application", appSql, dir, measured);
        statements("bare same-shaped", sameShapeSql, dir, measured);
        statements("bare first bench's model", minimalSql, dir, measured);

        inboxOverHttp();
        // a generated student none of the benches' referrals are about
        studentPage(jdbc.queryForObject("select id from student where id >= ? order by id offset "
                + "(select count(*) / 3 from student where id >= ?) limit 1", Long.class, TrustScaleData.ID_BASE, TrustScaleData.ID_BASE));
        importStudents();

        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        BenchResults.value(BENCH, "heap used after load and run, after GC", heap.getUsed() / 1048576.0, "MB",
                "max heap " + heap.getMax() / 1048576 + " MB", heap.getMax() <= 512L * 1048576);
    }

    private void statements(String path, SqlCounter.Counts c, Path dir, int count) throws Exception {
        BenchResults.info(BENCH, "SQL per referral, " + path + ": engine / ours / round trips / commits",
                String.format("%.1f / %.1f / %.1f / %.1f", c.engineStatements() / (double) count, c.appStatements() / (double) count,
                        c.roundTrips() / (double) count, c.commits() / (double) count));
        StringBuilder out = new StringBuilder("statements per referral, " + path + " (" + count + " referrals)\n");
        c.bySql().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(String.format("%7.2f  %s%n", e.getValue() / (double) count, e.getKey())));
        Files.writeString(dir.resolve("sql-" + path.replace(' ', '-').replace("'", "") + ".txt"), out);
    }

    void deployBareModels() {
        jdbc.execute("create table if not exists bench_row (id bigserial primary key, instance_id varchar(64))");
        WriteOneRow.jdbc = jdbc;
        BenchModels.deploy(repository);
    }

    /** The first benchmark's model: start, triage, DSL review for half, one row written. Returns seconds. */
    double bareMinimal(int count, int from) {
        long start = System.nanoTime();
        for (int i = from; i < from + count; i++) {
            String id = runtime.startProcessInstanceByKey(BenchModels.MINIMAL).getId();
            Task triage = engineTasks.createTaskQuery().processInstanceId(id).singleResult();
            engineTasks.complete(triage.getId(), Map.of("toDsl", i % 2 == 0));
            Task review = engineTasks.createTaskQuery().processInstanceId(id).singleResult();
            if (review != null) {
                engineTasks.complete(review.getId());
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The application's path with nothing of the application: the same engine work, driven the same way. Returns seconds. */
    double bareSameShape(int count, int from) {
        long start = System.nanoTime();
        for (int i = from; i < from + count; i++) {
            boolean toDsl = i % 2 == 0;
            String key = "BARE-" + System.nanoTime();
            Map<String, Object> vars = new HashMap<>();
            vars.put(ReferralProcess.REFERRAL_ID, (long) i);
            vars.put(ReferralProcess.STUDENT_ID, (long) i);
            vars.put(ReferralProcess.REFERENCE, key);
            vars.put(ReferralProcess.CATEGORY, toDsl ? "safeguarding" : "welfare");
            vars.put(ReferralProcess.IMMEDIATE_RISK, false);
            runtime.startProcessInstanceByKey(BenchModels.SAME_SHAPE, key, vars);
            Task first = engineTasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
            engineTasks.claim(first.getId(), toDsl ? "dsl" : "pso");
            // the decision only: the hand-over table gives the plan to the PSOs, as in the application's model
            engineTasks.complete(first.getId(), Map.of("decision", toDsl ? "pastoral-support" : "accept"));
            Task plan = engineTasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
            engineTasks.claim(plan.getId(), "pso");
            engineTasks.complete(plan.getId());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    long raiseNanos;
    long reviewNanos;
    long planNanos;

    /**
     * Referrals per second through the application's own services, as the pages call them:
     * raise (case store, reference, routing table, chronology) → the first review (half to the
     * DSL, half to PSO triage) → a support plan written by a PSO.
     */
    double app(int count, List<Long> pupils, int from) {
        long start = System.nanoTime();
        long raise = 0, review = 0, plan = 0;
        for (int i = from; i < from + count; i++) {
            boolean toDsl = i % 2 == 0;
            long t0 = System.nanoTime();
            Referral r = referrals.raise(new FormData(Map.of("studentId", pupils.get(i % pupils.size()).toString(),
                    "category", toDsl ? "safeguarding" : "welfare", "description", "Bench concern " + i,
                    "occurredAt", "2026-11-20T10:00")), TEACHER);
            long t1 = System.nanoTime();
            Task first = engineTasks.createTaskQuery().processInstanceBusinessKey(r.getReference()).singleResult();
            if (toDsl) {
                forms.complete(first.getId(), new FormData(Map.of("decision", "pastoral-support",
                        "rationale", "Pastoral support is the right level", "handover", "Check in weekly")), DSL);
            } else {
                forms.complete(first.getId(), new FormData(Map.of("decision", "accept",
                        "rationale", "Accept for pastoral support")), PSO);
            }
            long t2 = System.nanoTime();
            Task planTask = engineTasks.createTaskQuery().processInstanceBusinessKey(r.getReference()).singleResult();
            forms.complete(planTask.getId(), new FormData(Map.of("goals", "Settle at lunchtimes", "interventions", "mentoring",
                    "measureScale", "plan-score", "measureNote", "Wellbeing", "baselineScore", "40", "parentInformed", "true", "parentInformedHow", "Phone")), PSO);
            raise += t1 - t0;
            review += t2 - t1;
            plan += System.nanoTime() - t2;
        }
        raiseNanos += raise;
        reviewNanos += review;
        planNanos += plan;
        return (System.nanoTime() - start) / 1e9;
    }

    void inboxOverHttp() throws Exception {
        HttpUser pso = HttpUser.signedIn(port, "pso");
        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        BenchResults.info(BENCH, "open tasks when the inbox is measured", engineTasks.createTaskQuery().count());
        for (String show : List.of("all", "groups", "mine")) {
            // steady state: the page and its queries compiled and planned, as for the hundredth user
            for (int i = 0; i < 20; i++) {
                pso.get("/inbox?show=" + show);
                dsl.get("/inbox");
            }
            BenchResults.timings(BENCH, "inbox over HTTP, PSO, " + show, BenchResults.time(200,
                    () -> assertThat(pso.get("/inbox?show=" + show).statusCode()).isEqualTo(200)), 100.0);
        }
        BenchResults.timings(BENCH, "inbox over HTTP, DSL, all", BenchResults.time(200,
                () -> assertThat(dsl.get("/inbox").statusCode()).isEqualTo(200)), 100.0);
        // a PSO who works with Year 9 only: the inbox skips the other years' tasks in its ordered query
        HttpUser pso9 = HttpUser.signedIn(port, "pso9");
        for (int i = 0; i < 20; i++) {
            pso9.get("/inbox");
        }
        assertThat(inbox.forViewer(PSO_YEAR_9, TaskInbox.Scope.GROUPS)).as("Year 9 tasks in the PSO inbox").hasSize(200);
        BenchResults.timings(BENCH, "inbox over HTTP, PSO for Year 9 only, all", BenchResults.time(200,
                () -> assertThat(pso9.get("/inbox").statusCode()).isEqualTo(200)), 100.0);
        // the same without the web layer (session, security, page), to see where the time goes
        BenchResults.timings(BENCH, "inbox without HTTP: TaskInbox.forViewer, PSO, all", BenchResults.time(200,
                () -> assertThat(inbox.forViewer(PSO, TaskInbox.Scope.ALL)).hasSize(200)), null);
    }

    /** A student with 500 chronology entries, a fifth safeguarding; viewed by the DSL, who sees all of them. */
    void studentPage(Long student) throws Exception {
        long existing = jdbc.queryForObject("select count(*) from chronology_entry where student_id = ?", Long.class, student);
        assertThat(existing).as("entries the generator gave the student").isLessThanOrEqualTo(500);
        for (long i = existing; i < 500; i++) {
            caseStore.record(NewEntry.now(student, EntryKind.NOTE, i % 5 == 0 ? Confidentiality.SAFEGUARDING : Confidentiality.PASTORAL,
                    "dsl", "Bench note " + i, "A line of detail for note " + i, null, null));
        }
        BenchResults.info(BENCH, "student page: entries (safeguarding) of the student", jdbc.queryForObject(
                "select count(*) || ' (' || count(*) filter (where confidentiality = 'SAFEGUARDING') || ')' "
                        + "from chronology_entry where student_id = ?", String.class, student));
        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        dsl.get("/students/" + student);
        BenchResults.timings(BENCH, "student page over HTTP, DSL, 500 entries", BenchResults.time(100,
                () -> assertThat(dsl.get("/students/" + student).statusCode()).isEqualTo(200)), 150.0);
    }

    void importStudents() throws Exception {
        byte[] demo;
        try (InputStream in = getClass().getResourceAsStream("/demo/students.csv")) {
            demo = in.readAllBytes();
        }
        List<Double> ms = BenchResults.time(5,
                () -> assertThat(importer.importCsv(new ByteArrayInputStream(demo), "bench").accepted()).isTrue());
        BenchResults.timings(BENCH, "import of 1,500 students (updates)", ms, 3000.0);
    }

    /** The two bare models, built with the engine's fluent model API. */
    static final class BenchModels {
        static final String MINIMAL = "bareReferral";
        static final String SAME_SHAPE = "bareReferralSameShape";

        static void deploy(RepositoryService repository) {
            BpmnModelInstance minimal = Bpmn.createExecutableProcess(MINIMAL).camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("Triage").camundaCandidateGroups("pso")
                    .exclusiveGateway("toDsl")
                    .condition("half", "${toDsl}").userTask("DslReview").camundaCandidateGroups("dsl")
                    .serviceTask("Write").camundaClass(WriteOneRow.class.getName())
                    .endEvent()
                    .moveToNode("toDsl").condition("other half", "${!toDsl}").connectTo("Write")
                    .done();
            // the engine elements of the application's path, one for one: routing table, a delegate
            // writing the concern, the gateways the referral passes, the first review (with the
            // DSL review's boundary timer), the hand-over table and the hand-on after it, the plan
            // task, and the wait for the plan review timer where the application's referral stops
            BpmnModelInstance sameShape = Bpmn.createExecutableProcess(SAME_SHAPE).camundaHistoryTimeToLive(1)
                    .startEvent()
                    .businessRuleTask("Route").camundaDecisionRef("referral-routing").camundaResultVariable("route")
                    .camundaMapDecisionResult("singleEntry")
                    .serviceTask("RecordConcern").camundaClass(WriteOneRow.class.getName())
                    .exclusiveGateway("who")
                    .condition("dsl", "${route == 'dsl'}").exclusiveGateway("risk")
                    .exclusiveGateway("joinDsl")
                    .userTask("DslReview").camundaCandidateGroups("dsl")
                    .camundaDueDate("${deadlines.fromNow('referral.dsl-review')}")
                    .boundaryEvent("Untouched").cancelActivity(false).timerWithDate("${deadlines.fromNow('referral.dsl-review')}")
                    .endEvent()
                    .moveToActivity("DslReview")
                    .businessRuleTask("HandOverAfterDsl").camundaDecisionRef(ReferralProcess.HANDOVER_DECISION)
                    .camundaResultVariable(ReferralProcess.OWNER_GROUP).camundaMapDecisionResult("singleEntry")
                    .camundaInputParameter(ReferralProcess.STEP, ReferralProcess.STEP_DSL_REVIEW)
                    .camundaInputParameter(ReferralProcess.DECISION, "${decision}")
                    .serviceTask("HandOnAfterDsl").camundaClass(HandOn.class.getName())
                    .exclusiveGateway("dslDecision")
                    .exclusiveGateway("joinPlan")
                    .userTask("WritePlan").camundaCandidateGroups("${ownerGroup}")
                    .camundaDueDate("${deadlines.fromNow('referral.support-plan')}")
                    .exclusiveGateway("joinReview")
                    .intermediateCatchEvent("PlanReviewDue").timerWithDate("${deadlines.fromNow('referral.plan-review')}")
                    .endEvent()
                    .moveToNode("who").condition("pso", "${route != 'dsl'}").exclusiveGateway("joinTriage")
                    .userTask("Triage").camundaCandidateGroups("pso")
                    .camundaDueDate("${deadlines.fromNow('referral.pso-triage')}")
                    .businessRuleTask("HandOverAfterTriage").camundaDecisionRef(ReferralProcess.HANDOVER_DECISION)
                    .camundaResultVariable(ReferralProcess.OWNER_GROUP).camundaMapDecisionResult("singleEntry")
                    .camundaInputParameter(ReferralProcess.STEP, ReferralProcess.STEP_PSO_TRIAGE)
                    .camundaInputParameter(ReferralProcess.DECISION, "${decision}")
                    .serviceTask("HandOnAfterTriage").camundaClass(HandOn.class.getName())
                    .exclusiveGateway("triageDecision")
                    .connectTo("joinPlan")
                    .done();
            repository.createDeployment().name("bench").addModelInstance("bare-referral.bpmn", minimal)
                    .addModelInstance("bare-referral-same-shape.bpmn", sameShape).enableDuplicateFiltering(false).deploy();
        }
    }
}
