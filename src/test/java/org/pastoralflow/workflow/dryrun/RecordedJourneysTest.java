package org.pastoralflow.workflow.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the shipped journeys true: every recorded path completes on the model in {@code processes/} as it is now,
 * so a change to a model that takes a process test elsewhere fails here until the paths are recorded again (and
 * the dry run of a school's upload compares with the release's own behaviour, not an older one's).
 */
class RecordedJourneysTest {

    static final DryRun DRY_RUN = DryRun.withReleasedTables();

    @TestFactory
    Stream<DynamicTest> everyRecordedPathCompletesOnTheCurrentModel() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        DryRunReport report = DRY_RUN.replay(file.getFileName().toString(), Files.readAllBytes(file));
                        assertThat(report.paths())
                                .as("paths of %s that no longer complete on processes/%s; if the change is meant, record the"
                                        + " journeys again: %s", report.processKey(), file.getFileName(), JourneyFile.RECORD_COMMAND)
                                .filteredOn(p -> !p.completed()).isEmpty();
                    }));
        }
    }

    @Test
    void theModelsTheProcessTestsCoverHaveRecordedPaths() {
        for (String key : List.of("referral", "home-visit", "contact-follow-up", "agency-meeting", "report-card",
                "investigation", "mediation", "transition", "attendance", "subject-access")) {
            assertThat(Journeys.of(key)).as("recorded paths of %s (%s)", key, JourneyFile.RECORD_COMMAND).isNotEmpty();
        }
    }
}
