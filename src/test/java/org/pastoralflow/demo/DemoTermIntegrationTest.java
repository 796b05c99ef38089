package org.pastoralflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastoralflow.PastoralFlowApplication;
import org.pastoralflow.investigation.IncidentType;
import org.pastoralflow.referral.ReferralProcess;
import org.pastoralflow.referral.Stage;
import org.pastoralflow.reporting.DataPack;
import org.pastoralflow.reporting.DashboardFilter;
import org.pastoralflow.reporting.Dashboards;
import org.pastoralflow.reporting.EarlyIntervention;
import org.pastoralflow.reporting.Filters;
import org.pastoralflow.reporting.Table;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.support.TestDatabase;
import org.pastoralflow.support.TestMail;
import org.pastoralflow.workflow.SchoolTerm;
import org.pastoralflow.workflow.TaskInbox;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo school's first start on a new database, with its term (the shared test application runs
 * with {@code pastoral.demo.term=false}, so its tests make their own records): every dashboard, the
 * early-intervention list, the data pack and the on-call history have figures, open referrals wait
 * at the task their stage names, and nothing of the term is dated today. A second start on the same
 * database seeds nothing twice.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoTermIntegrationTest {

    /** Sees everything the dashboards count: safeguarding (DSL), SEN plans, the whole school. */
    static final Viewer EVERYTHING = new Viewer("dsl", "Dee Lead", Set.of("staff", "dsl", "pastoral-lead", "senco"));
    static final Pattern SEED_TIME = Pattern.compile("Demo term \\(.*\\) seeded in ([0-9.]+) s");

    @Test
    void aFirstStartHasATermBehindEveryDashboardAndASecondStartSeedsNothingTwice(CapturedOutput output) {
        TestDatabase.Connection_ database = TestDatabase.fresh("demoterm");
        Map<String, Long> afterFirstStart;
        try (ConfigurableApplicationContext app = start(database, "demoterm1")) {
            Matcher seeded = SEED_TIME.matcher(output.getAll());
            assertThat(seeded.find()).as("the seeding logs its time").isTrue();
            System.out.println("Demo term seeded in " + seeded.group(1) + " s on PostgreSQL (under the test machine's load)");

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Filters filters = app.getBean(Filters.class);
            Dashboards dashboards = app.getBean(Dashboards.class);
            LocalDate today = LocalDate.now(app.getBean(Clock.class));
            SchoolTerm term = filters.terms().stream().filter(t -> !t.getStartsOn().isAfter(today.minusWeeks(4)))
                    .reduce((a, b) -> b).orElseThrow();
            DashboardFilter inTerm = filters.forTerm(term, null);

            Map<Object, Long> bands = column(dashboards.table("attendance", inTerm, EVERYTHING), 1);
            assertThat(bands).as("attendance bands").allSatisfy((band, students) -> assertThat(students).as("%s", band).isPositive());
            assertThat(jdbc.queryForObject("select count(*) from attendance_concern where closed_at is null", Long.class))
                    .as("open attendance concerns").isBetween(10L, 40L);
            assertThat(jdbc.queryForObject("select count(*) from attendance_concern where kind = 'LATENESS' and closed_at is null",
                    Long.class)).as("open lateness concerns").isPositive();
            assertThat(column(dashboards.table("lateness", inTerm, EVERYTHING), 2).values())
                    .as("late marks after registers closed, by year group").anyMatch(n -> n > 0);

            Map<Object, Long> byType = column(dashboards.table("incidents-type", inTerm, EVERYTHING), 1);
            for (IncidentType type : IncidentType.values()) {
                assertThat(byType.get(type.label())).as("incidents of type %s", type.label()).isPositive();
            }
            assertThat(column(dashboards.table("incidents-location", inTerm, EVERYTHING), 1)).as("places").hasSizeGreaterThan(5);
            assertThat(column(dashboards.table("incidents-time", inTerm, EVERYTHING), 1).values().stream().filter(n -> n > 0))
                    .as("parts of the day with incidents").hasSizeGreaterThanOrEqualTo(5);
            assertThat(column(dashboards.table("incidents-year", inTerm, EVERYTHING), 1)).as("year groups").hasSizeGreaterThanOrEqualTo(4);

            Table interventions = dashboards.table("interventions", inTerm, EVERYTHING);
            assertThat(interventions.rows().stream().filter(r -> ((Number) r.get(2)).longValue() > 0 && ((Number) r.get(4)).longValue() > 0))
                    .as("catalogue entries with groups or 1:1 runs and scored members this term").isNotEmpty();
            // the demo's closed plans: one on each default scale, all improved but one (a parent's SDQ, 21 → 23)
            Table planMeasures = dashboards.table("plan-measures", inTerm, EVERYTHING);
            for (List<Object> row : planMeasures.rows()) {
                assertThat(((Number) row.get(2)).longValue()).as("%s: plans closed with an end score", row.get(0)).isPositive();
            }
            assertThat(planMeasures.rows().stream().mapToLong(r -> ((Number) r.get(5)).longValue()).sum()).as("plans got worse").isOne();

            Table referrals = dashboards.table("referrals", inTerm, EVERYTHING);
            for (Stage stage : List.of(Stage.WITH_DSL, Stage.WITH_PSO, Stage.WITH_SENCO, Stage.EXTERNAL, Stage.MONITORING,
                    Stage.SUPPORT_PLAN, Stage.CLOSED)) {
                int column = referrals.columns().indexOf(stage.label());
                long total = referrals.rows().stream().mapToLong(r -> ((Number) r.get(column)).longValue()).sum();
                assertThat(total).as("referrals raised in the term, now %s", stage.label()).isPositive();
            }
            assertThat(jdbc.queryForObject("select count(*) from referral r where r.stage = 'CLOSED' and r.closed_at is not null"
                    + " and exists (select 1 from chronology_entry e where e.source_type = 'referral' and e.source_id = r.id"
                    + " and e.kind = 'DECISION')", Long.class)).as("closed referrals with their decision in the chronology")
                    .isGreaterThanOrEqualTo(10L);
            assertThat(jdbc.queryForObject("select count(*) from support_plan where closed_on is not null and end_score is not null"
                    + " and closed_on > started_on", Long.class)).as("plans closed with an end measure").isEqualTo(7L);

            TaskInbox inbox = app.getBean(TaskInbox.class);
            Map<String, String> taskOfStage = Map.of("WITH_DSL", ReferralProcess.TASK_DSL_REVIEW, "WITH_PSO",
                    ReferralProcess.TASK_PSO_TRIAGE, "WITH_SENCO", ReferralProcess.TASK_SENCO_REVIEW);
            List<Map<String, Object>> waiting = jdbc.queryForList(
                    "select reference, stage, process_instance_id from referral where stage in ('WITH_DSL', 'WITH_PSO', 'WITH_SENCO')");
            assertThat(waiting).hasSizeGreaterThanOrEqualTo(5);
            for (Map<String, Object> r : waiting) {
                assertThat(inbox.openTasksOfProcess((String) r.get("process_instance_id")))
                        .as("%s, %s", r.get("reference"), r.get("stage")).extracting(t -> t.taskKey())
                        .contains(taskOfStage.get((String) r.get("stage")));
            }

            Map<Object, Long> overdue = column(dashboards.table("overdue-groups", inTerm, EVERYTHING), 1);
            assertThat(overdue.values().stream().mapToLong(Long::longValue).sum()).as("overdue tasks").isPositive();

            List<EarlyIntervention.Listed> listed = app.getBean(EarlyIntervention.class).list(filters.read(Map.of()), EVERYTHING);
            assertThat(listed).as("the early-intervention list").isNotEmpty();
            assertThat(listed.stream().flatMap(l -> l.evidence().stream()).map(EarlyIntervention.Evidence::rule).distinct())
                    .as("rules crossed").contains(EarlyIntervention.INCIDENTS, EarlyIntervention.CONCERN_ON_PLAN, EarlyIntervention.REMOVALS);

            Map<Object, Long> removedByGroup = column(dashboards.table("removals-groups", inTerm, EVERYTHING), 1);
            assertThat(removedByGroup.get("All students")).as("removals in the term").isGreaterThanOrEqualTo(20L);
            assertThat(jdbc.queryForObject("select count(*) from removal where arrived_at is not null and work_set is not null", Long.class))
                    .as("removals with the reflection room's register filled in").isPositive();

            DataPack.Pack pack = app.getBean(DataPack.class).build(term, null, DataPack.Edition.LEADERS, EVERYTHING);
            for (DataPack.Section section : pack.sections()) {
                if (section.title().startsWith("Interventions")) {
                    continue;
                }
                assertThat(section.rows().stream().mapToLong(r -> r.get(2) instanceof Number n ? n.longValue() : 0).sum())
                        .as("data pack: %s, this term", section.title()).isPositive();
            }
            assertThat(pack.listed()).as("data pack: early-intervention list").isNotEmpty();

            assertThat(jdbc.queryForObject("select count(*) from oncall_call where closed_at is not null and outcome is not null",
                    Long.class)).as("on-call calls dealt with").isGreaterThanOrEqualTo(15L);

            assertThat(jdbc.queryForObject("select count(*) from report_card c where c.closed_at is null and c.starts_on < ?"
                    + " and c.process_instance_id is not null", Long.class, java.sql.Date.valueOf(today)))
                    .as("a student on report since before today").isEqualTo(1L);
            assertThat(jdbc.queryForObject("select count(distinct lesson_day) from report_card_score", Long.class))
                    .as("days of the report card scored").isEqualTo(3L);


            // behaviour and achievement: both dashboards have groups, some weeks crossed the threshold (decided, and the last
            // week's waiting for the Head of Year), milestones reached, and the half term's points list a few students
            for (String name : List.of("behaviour-tutor-group", "behaviour-year")) {
                Table behaviour = dashboards.table(name, inTerm, EVERYTHING);
                assertThat(behaviour.rows()).as(name).hasSizeGreaterThanOrEqualTo(4);
                assertThat(behaviour.rows().stream().mapToLong(r -> ((Number) r.get(2)).longValue()).sum()).as(name + ": behaviour points")
                        .isPositive();
                assertThat(behaviour.rows().stream().mapToLong(r -> ((Number) r.get(4)).longValue()).sum())
                        .as(name + ": achievement points").isPositive();
            }
            assertThat(jdbc.queryForObject("select count(*) from behaviour_follow_up where decision is not null", Long.class))
                    .as("behaviour follow-ups decided").isPositive();
            assertThat(jdbc.queryForObject("select count(*) from behaviour_milestone", Long.class)).as("achievement milestones")
                    .isGreaterThanOrEqualTo(3L);
            assertThat(listed.stream().flatMap(l -> l.evidence().stream()).map(EarlyIntervention.Evidence::rule))
                    .as("behaviour points this half term on the early-intervention list").contains(EarlyIntervention.BEHAVIOUR);


            Timestamp startOfToday = Timestamp.from(today.atStartOfDay(app.getBean(Clock.class).getZone()).toInstant());
            for (String moment : List.of("referral.raised_at", "incident.logged_at", "oncall_call.raised_at",
                    "attendance_concern.opened_at", "support_plan.created_at", "report_card.started_at", "report_card_score.scored_at",
                    "behaviour_log.recorded_at", "behaviour_log.occurred_at", "behaviour_follow_up.raised_at",
                    "removal.recorded_at", "removal.removed_at")) {
                String[] p = moment.split("\\.");
                assertThat(jdbc.queryForObject("select count(*) from " + p[0] + " where " + p[1] + " >= ?", Long.class, startOfToday))
                        .as("%s today: the term is behind today", moment).isZero();
            }
            afterFirstStart = counts(jdbc);
        }
        try (ConfigurableApplicationContext app = start(database, "demoterm2")) {
            assertThat(counts(app.getBean(JdbcTemplate.class))).as("after a second start").isEqualTo(afterFirstStart);
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase.Connection_ database, String engine) {
        TestMail.start();
        return new SpringApplicationBuilder(PastoralFlowApplication.class).profiles("test").run(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMail.port(),
                "--server.port=0",
                "--pastoral.demo.term=true",
                // a second engine and webapp in this JVM must not take the names the other tests' context uses
                "--camunda.bpm.process-engine-name=" + engine,
                "--camunda.bpm.webapp.enabled=false");
    }

    /** The first column of each row to the number in another. */
    private static Map<Object, Long> column(Table table, int column) {
        Map<Object, Long> values = new LinkedHashMap<>();
        table.rows().forEach(r -> values.put(r.get(0), ((Number) r.get(column)).longValue()));
        return values;
    }

    private static Map<String, Long> counts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("student", "attendance_week", "attendance_concern", "incident", "referral", "support_plan",
                "external_referral", "oncall_call", "chronology_entry", "behaviour_log", "behaviour_follow_up",
                "behaviour_milestone")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }
}
