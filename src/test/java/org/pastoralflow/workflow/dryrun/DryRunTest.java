package org.pastoralflow.workflow.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * The dry run on changed models, without the application: what it reports when a change takes a recorded path
 * somewhere else, and that it reports rather than throws. The current models' paths all completing is
 * {@link RecordedJourneysTest}.
 */
class DryRunTest {

    static final DryRun DRY_RUN = DryRun.withReleasedTables();

    static String model(String file) throws IOException {
        return Files.readString(Path.of("processes", file));
    }

    static DryRunReport replay(String file, String xml) {
        return DRY_RUN.replay(file, xml.getBytes(StandardCharsets.UTF_8));
    }

    static PathResult path(DryRunReport report, String name) {
        return report.paths().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aRenamedUserTaskStopsThePathsThatCompleteItAtThatTask() throws IOException {
        String renamed = model("home-visit.bpmn").replace("Task_CheckIn", "Task_CheckInAfterVisit");

        DryRunReport report = replay("home-visit.bpmn", renamed);

        assertThat(report.processKey()).isEqualTo("home-visit");
        assertThat(report.allComplete()).isFalse();
        PathResult onTime = path(report, "HomeVisitProcessTest.theVisitorChecksInOnTimeAndNobodyIsAlerted");
        assertThat(onTime.completed()).isFalse();
        assertThat(onTime.stoppedAt()).isEqualTo("Task_CheckInAfterVisit \"Check in after the visit\"");
        assertThat(onTime.why()).isEqualTo("waited at Task_CheckInAfterVisit \"Check in after the visit\" for a task the"
                + " path completes at Task_CheckIn");
        assertThat(onTime.visited()).containsExactly("Start_VisitPlanned", "Task_CheckInAfterVisit");
    }

    @Test
    void aNewGatewayConditionThatSendsAPathElsewhereReportsTheDifferentEnd() throws IOException {
        String changed = model("behaviour-follow-up.bpmn")
                .replace("${decision == 'on-report'}", "${decision == 'on-report' &amp;&amp; studentId &gt; 100}");

        DryRunReport report = replay("behaviour-follow-up.bpmn", changed);

        PathResult onReport = path(report, "BehaviourFollowUpProcessTest.theHeadOfYearDecidesWithinThreeSchoolDaysAndPutsTheStudentOnReport");
        assertThat(onReport.completed()).isFalse();
        assertThat(onReport.stoppedAt()).isEqualTo("End_NothingFurther \"Nothing further\"");
        assertThat(onReport.why()).isEqualTo("ended at End_NothingFurther \"Nothing further\", the path ended at"
                + " End_OnReport \"Put on report\"");
        // the paths the condition does not touch still complete
        assertThat(path(report, "BehaviourFollowUpProcessTest.nothingFurtherEndsIt").completed()).isTrue();
        assertThat(path(report, "BehaviourFollowUpProcessTest.aPsoCheckInIsAPsoTaskDueInFiveSchoolDays").completed()).isTrue();
    }

    @Test
    void aModelNoTestRecordedHasNoPathsAndSaysSo() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Trip" targetNamespace="http://pastoralflow.org">
                  <bpmn:process id="school-trip" name="School trip" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="Start_TripPlanned" />
                  </bpmn:process>
                </bpmn:definitions>
                """;

        DryRunReport report = replay("school-trip.bpmn", xml);

        assertThat(report.processKey()).isEqualTo("school-trip");
        assertThat(report.paths()).isEmpty();
        assertThat(report.hasPaths()).isFalse();
        assertThat(report.allComplete()).isFalse();
        assertThat(report.summary()).isEqualTo("no recorded paths for this model");
    }

    @Test
    void aDelegateTheModelNamesThatTheApplicationLacksIsAReportLineNotAnException() throws IOException {
        String changed = model("home-visit.bpmn").replace("${homeVisitAlert}", "${homeVisitAlarm}");

        DryRunReport report = replay("home-visit.bpmn", changed);

        PathResult late = path(report, "HomeVisitProcessTest.lateTheOnCallPersonIsAlertedOnceAndTheCheckInStandsTheSecondAlertDown");
        assertThat(late.completed()).isFalse();
        assertThat(late.why()).contains("a delegate the path needs is gone: ${homeVisitAlarm}");
        assertThat(path(report, "HomeVisitProcessTest.theVisitorChecksInOnTimeAndNobodyIsAlerted").completed()).isTrue();
    }

    @Test
    void aModelTheEngineRefusesFailsEveryPathWithTheReason() throws IOException {
        String noTimeToLive = model("home-visit.bpmn").replaceAll("camunda:historyTimeToLive=\"[^\"]*\"", "");

        DryRunReport report = replay("home-visit.bpmn", noTimeToLive);

        assertThat(report.paths()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.completed()).isFalse();
            assertThat(p.why()).startsWith("the model could not be deployed:").contains("History Time To Live");
        });
        assertThat(replay("home-visit.bpmn", "not a model").paths()).allSatisfy(p -> assertThat(p.completed()).isFalse());
    }

    @Test
    void theThrowawayEngineIsGoneAfterwardsAndTheEngineClockWasNotMoved() throws IOException {
        // the engine clock is one for the JVM: the application's engine would see any move of it
        Date pinned = new Date(1_000_000_000_000L);
        ClockUtil.setCurrentTime(pinned);
        try {
            DryRunReport report = replay("home-visit.bpmn", model("home-visit.bpmn"));

            assertThat(report.allComplete()).isTrue();
            assertThat(ClockUtil.getCurrentTime()).isEqualTo(pinned);
            assertThat(ProcessEngines.getProcessEngines().keySet()).noneMatch(name -> name.startsWith("dry-run-"));
        } finally {
            ClockUtil.reset();
        }
    }
}
