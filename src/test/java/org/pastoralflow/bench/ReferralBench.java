package org.pastoralflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentImporter;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.workflow.FormData;
import org.pastoralflow.workflow.TaskInbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark, not a test: it is not named *Test, so the suite never runs it. Run it with
 * <pre>./mvnw -B -ntp test -Dtest=ReferralBench -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.referrals=400]</pre>
 * on the same PostgreSQL as the tests. It prints a table and writes target/bench/results.json.
 * Times are medians and 95th percentiles of wall-clock time on whatever machine runs it.
 */
@PostgresIntegrationTest
class ReferralBench {

    /** The delegate of the bare model: writes one row, like the application's case-store write. */
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
    @Autowired StudentRepository students;
    @Autowired StudentImporter importer;
    @Autowired CaseStore caseStore;
    @Autowired JdbcTemplate jdbc;

    final int n = Integer.getInteger("bench.referrals", 300);
    final Map<String, Object> results = new LinkedHashMap<>();

    static final Viewer TEACHER = new Viewer("teacher", "Tess Teacher", Set.of("staff"));
    static final Viewer PSO = new Viewer("pso", "Pat Officer", Set.of("staff", "pso"));
    static final Viewer DSL = new Viewer("dsl", "Dee Lead", Set.of("staff", "dsl"));

    @Test
    void run() throws Exception {
        jdbc.execute("create table if not exists bench_row (id bigserial primary key, instance_id varchar(64))");
        WriteOneRow.jdbc = jdbc;
        repository.createDeployment().name("bench").addModelInstance("bare-referral.bpmn",
                Bpmn.createExecutableProcess("bareReferral").camundaHistoryTimeToLive(1)
                        .startEvent()
                        .userTask("Triage").camundaCandidateGroups("pso")
                        .exclusiveGateway("toDsl")
                        .condition("half", "${toDsl}").userTask("DslReview").camundaCandidateGroups("dsl")
                        .serviceTask("Write").camundaClass(WriteOneRow.class.getName())
                        .endEvent()
                        .moveToNode("toDsl").condition("other half", "${!toDsl}").connectTo("Write")
                        .done()).deploy();
        List<Student> pupils = students.findAll(Sort.by("id")).subList(0, 200);

        // warm both paths up, then measure each in the same JVM and database
        bare(50);
        app(50, pupils);
        double bare = bare(n);
        double app = app(n, pupils);
        results.put("referralsPerSecond.application", round(app));
        results.put("referralsPerSecond.bareEngine", round(bare));
        results.put("referralsPerSecond.ratio", round(app / bare));

        HttpUser pso = HttpUser.signedIn(port, "pso");
        results.put("inbox.pso.ms", percentiles(times(200, () -> assertThat(pso.get("/inbox").statusCode()).isEqualTo(200))));
        results.put("openTasks", engineTasks.createTaskQuery().count());

        Student busy = pupils.get(0);
        for (int i = 0; i < 500; i++) {
            caseStore.record(NewEntry.now(busy.getId(), EntryKind.NOTE, i % 5 == 0 ? Confidentiality.SAFEGUARDING : Confidentiality.PASTORAL,
                    "dsl", "Bench note " + i, "A line of detail for note " + i, null, null));
        }
        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        results.put("studentPage500Events.dsl.ms", percentiles(times(100,
                () -> assertThat(dsl.get("/students/" + busy.getId()).statusCode()).isEqualTo(200))));

        byte[] demo;
        try (InputStream in = getClass().getResourceAsStream("/demo/students.csv")) {
            demo = in.readAllBytes();
        }
        results.put("import1500Students.ms", percentiles(times(5,
                () -> assertThat(importer.importCsv(new java.io.ByteArrayInputStream(demo), "bench").accepted()).isTrue())));

        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        results.put("heapUsedAfterLoad.mb", heap.getUsed() / (1024 * 1024));
        results.put("heapMax.mb", heap.getMax() / (1024 * 1024));
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java", System.getProperty("java.version"),
                "postgres", jdbc.queryForObject("show server_version", String.class), "at", LocalDateTime.now().toString()));
        results.put("historyLevel", jdbc.queryForObject("select value_ from act_ge_property where name_ = 'historyLevel'", String.class));

        Path out = Path.of("target", "bench", "results.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
        System.out.println("\n=== Pastoral Flow benchmark (" + n + " referrals per path) ===");
        results.forEach((k, v) -> System.out.printf("%-36s %s%n", k, v));
        System.out.println("written to " + out.toAbsolutePath());
    }

    /** Instances per second of the bare model: start, triage, DSL review for half, one row written. */
    double bare(int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String id = runtime.startProcessInstanceByKey("bareReferral").getId();
            Task triage = engineTasks.createTaskQuery().processInstanceId(id).singleResult();
            engineTasks.complete(triage.getId(), Map.of("toDsl", i % 2 == 0));
            Task review = engineTasks.createTaskQuery().processInstanceId(id).singleResult();
            if (review != null) {
                engineTasks.complete(review.getId());
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Referrals per second through the application's own services, as the pages call them:
     * raise (case store, reference, routing table, chronology) → the first review (half to the
     * DSL, half to PSO triage) → a support plan written by a PSO.
     */
    double app(int count, List<Student> pupils) {
        long start = System.nanoTime();
        long raise = 0, review = 0, plan = 0;
        for (int i = 0; i < count; i++) {
            boolean toDsl = i % 2 == 0;
            long t0 = System.nanoTime();
            Referral r = referrals.raise(new FormData(Map.of("studentId", pupils.get(i % pupils.size()).getId().toString(),
                    "category", toDsl ? "safeguarding" : "welfare", "description", "Bench concern " + i,
                    "occurredAt", "2026-11-20T10:00")), TEACHER);
            long t1 = System.nanoTime();
            Task first = engineTasks.createTaskQuery().processInstanceBusinessKey(r.getReference()).singleResult();
            if (toDsl) {
                inbox.complete(first.getId(), new FormData(Map.of("decision", "pastoral-support",
                        "rationale", "Pastoral support is the right level")), DSL);
            } else {
                inbox.complete(first.getId(), new FormData(Map.of("decision", "accept",
                        "rationale", "Accept for pastoral support")), PSO);
            }
            long t2 = System.nanoTime();
            Task planTask = engineTasks.createTaskQuery().processInstanceBusinessKey(r.getReference()).singleResult();
            inbox.complete(planTask.getId(), new FormData(Map.of("goals", "Settle at lunchtimes", "interventions", "mentoring",
                    "measureName", "Wellbeing", "baselineScore", "40", "parentInformed", "true", "parentInformedHow", "Phone")), PSO);
            raise += t1 - t0;
            review += t2 - t1;
            plan += System.nanoTime() - t2;
        }
        results.put("application.msPerReferral.raise", round(raise / 1e6 / count));
        results.put("application.msPerReferral.firstReview", round(review / 1e6 / count));
        results.put("application.msPerReferral.supportPlan", round(plan / 1e6 / count));
        return count / ((System.nanoTime() - start) / 1e9);
    }

    interface Step {
        void run() throws Exception;
    }

    static List<Double> times(int count, Step step) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            step.run();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        return ms;
    }

    static Map<String, Double> percentiles(List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return Map.of("median", round(sorted.get(sorted.size() / 2)),
                "p95", round(sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1)), "n", (double) sorted.size());
    }

    static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
