package org.pastoralflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pastoralflow.PastoralFlowApplication;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralProcess;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.StaffDirectory;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.support.ApiUser;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.TestDatabase;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.TermDates;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes of the application on one PostgreSQL database, in one JVM: two Spring contexts, each
 * with its own web server on its own port, its own engine and its own job executor, as two
 * machines behind a load balancer would run (docs/operations.md, "Several nodes"). The kill -9
 * check with separate JVMs, and Cockpit used across nodes, are in a bench: {@code ClusterKillBench}.
 */
class TwoNodeClusterIntegrationTest {

    static final Viewer TEACHER = new Viewer("teacher", "Tess Teacher", Set.of("staff"));

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static JdbcTemplate db;

    @BeforeAll
    static void startTwoNodes() {
        TestDatabase.Connection_ database = TestDatabase.fresh("cluster");
        // one after the other, as operations.md says for a new database: the first node makes the schema
        a = node(database, "nodea");
        b = node(database, "nodeb");
        db = a.getBean(JdbcTemplate.class);
    }

    static ConfigurableApplicationContext node(TestDatabase.Connection_ database, String engineName) {
        // as command-line arguments, which outrank application.yml (server.port: 8080)
        return new SpringApplicationBuilder(PastoralFlowApplication.class).profiles("test").run(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--server.port=0",
                // production's way: sessions in the database (the tests' profile keeps them in memory)
                "--spring.autoconfigure.exclude=",
                // two engines in one JVM need names of their own (and other than the one the other
                // integration tests' engine has); on machines of their own both keep "default"
                "--camunda.bpm.process-engine-name=" + engineName,
                "--camunda.bpm.job-execution.enabled=true",
                // poll often, so the test does not wait for the production back-off of an idle executor
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=500",
                "--pastoral.calendar.refresh=PT1S",
                // Cockpit keeps its engine look-up in static fields, which a second and third webapp
                // in one JVM would overwrite for the other tests' context; ClusterKillBench checks
                // Cockpit across two nodes in JVMs of their own
                "--pastoral.camunda-webapps.enabled=false");
    }

    @AfterAll
    static void stopNodes() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    static ProcessEngineConfigurationImpl engine(ConfigurableApplicationContext node) {
        return (ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration();
    }

    static Long aStudent() {
        return db.queryForObject("select min(id) from student", Long.class);
    }

    @Test
    void bothNodesRunAJobExecutorOnTheOneDatabase() {
        assertThat(engine(a).getJobExecutor().isActive()).isTrue();
        assertThat(engine(b).getJobExecutor().isActive()).isTrue();
        assertThat(port(a)).isNotEqualTo(port(b));
        assertThat(engine(a).getJdbcUrl()).isEqualTo(engine(b).getJdbcUrl());
        // each model deployed once, although both nodes deployed them at start-up
        assertThat(db.queryForObject("select count(*) from act_re_procdef where key_ = 'referral'", Long.class)).isEqualTo(1);
    }

    @Test
    void aSignInOnOneNodeHoldsOnTheOtherAndSigningOutEndsItOnBoth() {
        HttpUser onA = HttpUser.signedIn(port(a), "pso");
        HttpUser onB = onA.onPort(port(b));
        assertThat(onB.get("/inbox").statusCode()).as("the session made on A, used on B").isEqualTo(200);
        assertThat(onB.get("/inbox").body()).contains("Inbox");
        assertThat(db.queryForObject("select count(*) from spring_session where principal_name = 'pso'", Long.class))
                .isGreaterThanOrEqualTo(1);

        // a form posted to A with the CSRF token of a page B served: one session, one token
        String tokenFromB = onB.csrfFrom("/inbox");
        HttpResponse<String> signOut = onA.postWithToken("/logout", Map.of(), tokenFromB);
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(signOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("signedOut"));
        HttpResponse<String> afterwards = onB.get("/inbox");
        assertThat(afterwards.statusCode()).as("signed out on A means signed out on B").isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
    }

    @Test
    void aReferralRaisedOnOneNodeIsTriagedAndClosedOnTheOther() throws Exception {
        ApiUser teacherOnA = new ApiUser(port(a), "teacher", "demo");
        HttpResponse<String> raised = teacherOnA.post("/api/referrals", Map.of("studentId", aStudent().toString(),
                "category", "welfare", "description", "Raised on node A, closed on node B", "occurredAt", "2026-11-20T10:00"));
        assertThat(raised.statusCode()).isEqualTo(201);
        String reference = (String) ApiUser.map(raised.body()).get("reference");

        ApiUser psoOnB = new ApiUser(port(b), "pso", "demo");
        Map<String, Object> triage = psoOnB.getList("/api/tasks").stream()
                .filter(t -> reference.equals(t.get("reference"))).findFirst().orElseThrow();
        assertThat(triage.get("taskKey")).isEqualTo(ReferralProcess.TASK_PSO_TRIAGE);
        HttpResponse<String> done = psoOnB.post("/api/tasks/" + triage.get("id") + "/complete",
                Map.of("decision", "no-further-action", "rationale", "Seen on node B: nothing more is needed"));
        assertThat(done.statusCode()).isEqualTo(204);

        // node A sees what node B did: the instance has ended, the referral is closed, the decision recorded
        Referral r = a.getBean(ReferralService.class).byReference(reference).orElseThrow();
        assertThat(r.getStage().name()).isEqualTo("CLOSED");
        assertThat(a.getBean(ProcessEngine.class).getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).count()).isZero();
        assertThat(db.queryForObject("select end_act_id_ from act_hi_procinst where business_key_ = ?", String.class, reference))
                .isEqualTo("End_ClosedAtTriage");
        assertThat(db.queryForObject("select count(*) from chronology_entry where source_type = 'referral' and source_id = ? "
                + "and kind = 'DECISION'", Long.class, r.getId())).isEqualTo(1);
    }

    /**
     * Forty DSL reviews left untouched past their deadline, their escalation timers due at once,
     * and both job executors polling: each escalation happens exactly once (the engine locks a
     * job in the database before running it), and both nodes take part.
     */
    @Test
    void anEscalationTimerFiresOnceThoughBothNodesRunJobs() throws Exception {
        ReferralService onA = a.getBean(ReferralService.class);
        ReferralService onB = b.getBean(ReferralService.class);
        List<Referral> untouched = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            untouched.add((i % 2 == 0 ? onA : onB).raise(new FormData(Map.of("studentId", aStudent().toString(),
                    "category", "safeguarding", "description", "Untouched review " + i, "occurredAt", "2026-11-20T10:00")), TEACHER));
        }
        ManagementService jobs = a.getBean(ProcessEngine.class).getManagementService();
        // ids come from per-node blocks of the sequence (allocationSize 50), so they do not grow with time across
        // nodes: count the Headteacher's e-mails by what was there before, not by id
        List<Long> headteacherToldBefore = db.queryForList("select id from notification where subject = 'A DSL review is overdue'",
                Long.class);
        long doneBeforeA = jobsDone(a);
        long doneBeforeB = jobsDone(b);
        Date past = Date.from(Instant.now().minusSeconds(60));
        for (Referral r : untouched) {
            Job timer = jobs.createJobQuery().processInstanceId(r.getProcessInstanceId()).activityId("Timer_DslReviewUntouched")
                    .singleResult();
            jobs.setJobDuedate(timer.getId(), past);
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (jobs.createJobQuery().activityId("Timer_DslReviewUntouched").duedateLowerThan(new Date()).count() > 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertThat(jobs.createJobQuery().activityId("Timer_DslReviewUntouched").duedateLowerThan(new Date()).count())
                .as("every due escalation has run").isZero();
        assertThat(jobs.createJobQuery().withException().count()).isZero();

        for (Referral r : untouched) {
            assertThat(db.queryForObject("select count(*) from chronology_entry where source_type = 'referral' "
                    + "and source_id = ? and kind = 'ESCALATION'", Long.class, r.getId()))
                    .as("escalation entries of %s", r.getReference()).isEqualTo(1);
            // one e-mail with the reference to the DSLs, once; the Headteacher's names no referral (counted below)
            assertThat(db.queryForList("select recipients from notification where subject = ? order by id", String.class,
                    "Overdue DSL review " + r.getReference())).as("escalation e-mails of %s", r.getReference())
                    .singleElement().satisfies(to -> assertThat(to).contains("dsl@demo-school.example").doesNotContain("head@"));
            assertThat(db.queryForObject("select priority_ from act_ru_task where proc_inst_id_ = ? and task_def_key_ = 'Task_DslReview'",
                    Integer.class, r.getProcessInstanceId())).as("%s at the top of the DSL inbox", r.getReference()).isEqualTo(100);
        }
        assertThat(db.queryForList("select id, recipients from notification where subject = 'A DSL review is overdue'").stream()
                .filter(row -> !headteacherToldBefore.contains(((Number) row.get("id")).longValue()))
                .map(row -> (String) row.get("recipients")).toList())
                .as("the Headteacher told once per escalation").hasSize(untouched.size())
                .allSatisfy(to -> assertThat(to).contains("head@demo-school.example"));
        // a node counts a job as done just after its transaction has committed: wait for the count
        Instant counted = Instant.now().plusSeconds(10);
        while (jobsDone(a) - doneBeforeA + jobsDone(b) - doneBeforeB < untouched.size() && Instant.now().isBefore(counted)) {
            Thread.sleep(50);
        }
        long byA = jobsDone(a) - doneBeforeA;
        long byB = jobsDone(b) - doneBeforeB;
        System.out.printf("escalation jobs run by node A: %d, by node B: %d%n", byA, byB);
        // other timers (a weekly review, say) may fall due meanwhile, so at least these forty
        assertThat(byA + byB).isGreaterThanOrEqualTo(untouched.size());
        assertThat(byA).as("jobs run by node A").isPositive();
        assertThat(byB).as("jobs run by node B").isPositive();
    }

    /**
     * Someone's groups change while they are signed in: the session made on one node, stored in the
     * database, and the next request on either node works with the new groups (security.FreshGroups).
     */
    @Test
    void aChangeToSomeonesGroupsReachesTheirSessionOnBothNodesAtTheNextRequest() {
        String id = "cluster-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        a.getBean(StaffDirectory.class).createUser(id, "Cleo", "Cluster", null, "A-long-password-1", List.of("staff", "pso"));
        HttpUser onA = new HttpUser(port(a));
        assertThat(onA.signIn(id, "A-long-password-1").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        HttpUser onB = onA.onPort(port(b));
        assertThat(onB.get("/retention").statusCode()).isEqualTo(403);

        // an administrator on A proposes adding them to the DSL group, a DSL on B confirms
        HttpUser admin = HttpUser.signedIn(port(a), "admin");
        assertThat(admin.postWithToken("/admin/staff/" + id + "/dsl", Map.of("change", "add"),
                admin.csrfFrom("/admin/staff/" + id)).statusCode()).isEqualTo(302);
        HttpUser dslOnB = HttpUser.signedIn(port(b), "dsl");
        assertThat(dslOnB.postWithToken("/dsl-group/" + waitingChange(id) + "/confirm", Map.of(),
                dslOnB.csrfFrom("/dsl-group")).statusCode()).isEqualTo(302);
        assertThat(onB.get("/retention").statusCode()).as("the session made on A, on B, after the change").isEqualTo(200);
        assertThat(onA.get("/retention").statusCode()).isEqualTo(200);

        // and out again: proposed on B, confirmed by another DSL on A
        HttpUser adminOnB = admin.onPort(port(b));
        assertThat(adminOnB.postWithToken("/admin/staff/" + id + "/dsl", Map.of("change", "remove"),
                adminOnB.csrfFrom("/admin/staff/" + id)).statusCode()).isEqualTo(302);
        HttpUser dsl2OnA = HttpUser.signedIn(port(a), "dsl2");
        assertThat(dsl2OnA.postWithToken("/dsl-group/" + waitingChange(id) + "/confirm", Map.of(),
                dsl2OnA.csrfFrom("/dsl-group")).statusCode()).isEqualTo(302);
        assertThat(onB.get("/retention").statusCode()).as("out of dsl: the next page load on B").isEqualTo(403);
        assertThat(onA.get("/retention").statusCode()).isEqualTo(403);
        assertThat(onA.get("/inbox").statusCode()).isEqualTo(200);
    }

    static Long waitingChange(String userId) {
        return db.queryForObject("select id from group_change where user_id = ? and status = 'PENDING'", Long.class, userId);
    }

    @Test
    void aCalendarEditOnOneNodeReachesTheOther() throws Exception {
        TermDates onA = a.getBean(TermDates.class);
        TermDates onB = b.getBean(TermDates.class);
        LocalDate day = onB.calendar().addSchoolDays(LocalDate.now(), 20);
        assertThat(onB.calendar().isSchoolDay(day)).isTrue();
        onA.addClosure(new FormData(Map.of("kind", "OTHER", "description", "Closed for the cluster test",
                "startsOn", day.toString(), "endsOn", day.toString())));
        Instant deadline = Instant.now().plusSeconds(10);
        while (onB.calendar().isSchoolDay(day) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(onB.calendar().isSchoolDay(day)).as("node B sees the closure added on node A").isFalse();
        onA.closures().stream().filter(c -> c.getStartsOn().equals(day)).forEach(c -> onA.removeClosure(c.getId()));
    }

    static long jobsDone(ConfigurableApplicationContext node) {
        return engine(node).getMetricsRegistry().getDbMeterByName(Metrics.JOB_SUCCESSFUL).get();
    }
}
