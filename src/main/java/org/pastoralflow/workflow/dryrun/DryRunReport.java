package org.pastoralflow.workflow.dryrun;

import java.util.List;

/**
 * What a dry run found for one process: one line per recorded path. No paths means there was nothing to replay
 * (no process test ever recorded a path for this key), which is not the same as all of them completing: see
 * {@link #hasPaths()} and {@link #summary()}.
 */
public record DryRunReport(String processKey, List<PathResult> paths) {

    public DryRunReport {
        paths = List.copyOf(paths);
    }

    public boolean hasPaths() {
        return !paths.isEmpty();
    }

    /** True when there were paths to replay and every one completed; false for a model with no recorded paths. */
    public boolean allComplete() {
        return hasPaths() && paths.stream().allMatch(PathResult::completed);
    }

    /** One sentence for the page: "no recorded paths for this model", or how many of how many complete. */
    public String summary() {
        if (!hasPaths()) {
            return "no recorded paths for this model";
        }
        long completed = paths.stream().filter(PathResult::completed).count();
        return completed + " of " + paths.size() + " recorded paths complete";
    }
}
