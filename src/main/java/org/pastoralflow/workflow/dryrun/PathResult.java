package org.pastoralflow.workflow.dryrun;

import java.util.List;

/**
 * How one recorded path fared on a model: whether it still completes, the activities it passed on this model in
 * order, and where and why it stopped when it did not ({@code stoppedAt}: element id and name; {@code why}: plain
 * words). Both are null for a path that completed.
 */
public record PathResult(String name, boolean completed, List<String> visited, String stoppedAt, String why) {

    public PathResult {
        visited = List.copyOf(visited);
    }
}
