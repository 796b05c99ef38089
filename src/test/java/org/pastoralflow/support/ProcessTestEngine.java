package org.pastoralflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.pastoralflow.workflow.Deadlines;
import org.pastoralflow.workflow.SchoolCalendar;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;

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

    /** The defaults of application.yml's {@code pastoral.deadlines}, read from it so that a new deadline needs no copy here. */
    public static final Map<String, Integer> DEADLINES = defaultDeadlines();

    private static Map<String, Integer> defaultDeadlines() {
        String prefix = "pastoral.deadlines.";
        try {
            EnumerablePropertySource<?> defaults = (EnumerablePropertySource<?>) new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml")).get(0);
            Map<String, Integer> deadlines = new TreeMap<>();
            for (String name : defaults.getPropertyNames()) {
                if (name.startsWith(prefix)) {
                    deadlines.put(name.substring(prefix.length()), Integer.valueOf(String.valueOf(defaults.getProperty(name))));
                }
            }
            return Map.copyOf(deadlines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
        Class<?> test = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        if (JourneyRecorder.enabled() && test.getSimpleName().endsWith("ProcessTest")) {
            // the paths the dry run of a changed model replays (workflow.dryrun): recorded only from the process tests
            JourneyRecorder recorder = new JourneyRecorder(test);
            c.setExpressionManager(new RecordingExpressionManager(recorder));
            c.setCustomHistoryEventHandlers(List.of(recorder));
            c.setCustomPreBPMNParseListeners(new java.util.ArrayList<>(List.of(recorder.startListener())));
        }
        c.setEnforceHistoryTimeToLive(true);
        c.setGeneralResourceWhitelistPattern("[a-zA-Z0-9-]+|camunda-admin");
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(c);
        return c;
    }
}
