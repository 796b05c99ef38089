package org.pastoralflow.bench;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the benchmark's one table and writes target/bench/results.json when the run ends.
 * Registered through META-INF/services; in a run without benches it has no rows and does nothing.
 */
public class BenchReport implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (BenchResults.isEmpty()) {
            return;
        }
        try {
            BenchResults.write();
        } catch (Exception e) {
            System.err.println("Could not write the benchmark results: " + e);
        }
    }
}
