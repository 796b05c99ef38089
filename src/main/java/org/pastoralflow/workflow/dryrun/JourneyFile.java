package org.pastoralflow.workflow.dryrun;

import java.util.List;

/** {@code journeys/<processKey>.json}: the recorded paths of one model, and how to record them again. */
public record JourneyFile(String processKey, String recordAgainWith, List<Journey> paths) {

    /** The command that records the journeys again, for the files and for the messages that ask for it. */
    public static final String RECORD_COMMAND =
            "./mvnw -B -ntp test -Dtest='*ProcessTest' -Dpastoral.journeys.record=true";

    public JourneyFile {
        paths = paths == null ? List.of() : List.copyOf(paths);
    }
}
