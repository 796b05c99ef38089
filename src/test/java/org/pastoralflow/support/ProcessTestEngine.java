package org.pastoralflow.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.pastoralflow.workflow.Deadlines;
import org.pastoralflow.workflow.SchoolCalendar;

/**
 * A bare engine for the process tests, on its own fresh PostgreSQL database, resolving beans in
 * expressions from {@code Mocks}. Delegates are replaced by mocks; the deadlines are the real
 * {@link Deadlines} on a fixed school calendar.
 */
public final class ProcessTestEngine {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Autumn 2026 and spring 2027 as the demo school has them (see V3__term_dates.sql). */
    public static final SchoolCalendar CALENDAR = new SchoolCalendar(
            List.of(new SchoolCalendar.Term("Autumn 2026", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 18)),
                    new SchoolCalendar.Term("Spring 2027", LocalDate.of(2027, 1, 4), LocalDate.of(2027, 3, 25))),
            List.of(new SchoolCalendar.Closure(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2), "INSET", "INSET days"),
                    new SchoolCalendar.Closure(LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30), "HALF_TERM", "Half-term"),
                    new SchoolCalendar.Closure(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 4), "INSET", "INSET day"),
                    new SchoolCalendar.Closure(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 2, 19), "HALF_TERM", "Half-term")));

    /** The defaults of application.yml. */
    public static final Map<String, Integer> DEADLINES = Map.ofEntries(
            Map.entry("referral.dsl-review", 1), Map.entry("referral.pso-triage", 2), Map.entry("referral.senco-review", 5),
            Map.entry("referral.external-referral", 1), Map.entry("referral.agency-feedback", 3),
            Map.entry("referral.monitoring-review", 30), Map.entry("referral.support-plan", 5),
            Map.entry("referral.plan-review", 30), Map.entry("referral.plan-review-task", 5),
            Map.entry("attendance.contact-home", 2), Map.entry("attendance.meeting", 10), Map.entry("attendance.review", 20),
            Map.entry("attendance.review-task", 5), Map.entry("attendance.notify-la", 5), Map.entry("attendance.dsl-review", 2),
            Map.entry("attendance.missing-education", 1), Map.entry("retention.decide", 10),
            Map.entry("investigation.use-of-force", 0), Map.entry("investigation.assign", 1),
            Map.entry("investigation.statements", 3), Map.entry("investigation.cctv", 2), Map.entry("investigation.lsc", 3),
            Map.entry("investigation.outcome", 5), Map.entry("investigation.head-approval", 1),
            Map.entry("investigation.parents", 1), Map.entry("mediation.suitability", 3), Map.entry("mediation.consent", 3),
            Map.entry("mediation.pre-meeting", 5), Map.entry("mediation.meeting", 5), Map.entry("mediation.follow-up", 10),
            Map.entry("mediation.check-in", 2), Map.entry("mediation.review", 2), Map.entry("mediation.hoy-review", 5),
            Map.entry("behaviour.decide", 3), Map.entry("behaviour.pso-check-in", 5));

    private ProcessTestEngine() {
    }

    public static Deadlines deadlines() {
        return new Deadlines(DEADLINES, () -> CALENDAR, LONDON);
    }

    public static ProcessEngineConfigurationImpl configuration(String purpose) {
        TestDatabase.Connection_ db = TestDatabase.fresh(purpose);
        StandaloneProcessEngineConfiguration c = new StandaloneProcessEngineConfiguration();
        c.setProcessEngineName("test-" + purpose);
        c.setJdbcDriver("org.postgresql.Driver");
        c.setJdbcUrl(db.url());
        c.setJdbcUsername(db.user());
        c.setJdbcPassword(db.password());
        c.setDatabaseSchemaUpdate("true");
        c.setJobExecutorActivate(false);
        c.setHistoryLevel(HistoryLevel.HISTORY_LEVEL_FULL);
        c.setExpressionManager(new MockExpressionManager());
        c.setEnforceHistoryTimeToLive(true);
        c.setGeneralResourceWhitelistPattern("[a-zA-Z0-9-]+|camunda-admin");
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(c);
        return c;
    }
}
