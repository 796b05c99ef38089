package org.pastoralflow.workflow.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.springframework.stereotype.Component;

/**
 * The editor's "try it": the edited table beside the deployed one, on inputs a person types and on the latest
 * real cases (counts of where they went and would go; never the cases themselves).
 */
@Component
class TryIt {

    /** How many real cases are counted. */
    static final int LATEST = 100;

    /** One sample: the answer of the current version and of the edited one. */
    record Sample(String current, String edited) {

        public boolean changed() {
            return !current.equals(edited);
        }
    }

    /** One answer's count among the latest cases, under the current version and the edited one. */
    record Count(String answer, int current, int edited) {

        public boolean changed() {
            return current != edited;
        }
    }

    /** The counts, and how many cases there were. */
    record Counts(int cases, List<Count> rows) {
    }

    private final TableRuns runs;
    private final List<DecisionCases> cases;

    TryIt(TableRuns runs, List<DecisionCases> cases) {
        this.runs = runs;
        this.cases = cases;
    }

    Sample sample(DmnDecision current, DmnDecision edited, Map<String, Object> inputs, String output) {
        return new Sample(runs.answer(current, inputs, output).shown(), runs.answer(edited, inputs, output).shown());
    }

    /** Where the latest real cases went and would go; empty when no feature gives this table's cases. */
    Optional<Counts> latest(String decisionKey, DmnDecision current, DmnDecision edited, String output) {
        Optional<DecisionCases> source = cases.stream().filter(c -> c.decisionKey().equals(decisionKey)).findFirst();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> latest = source.get().latest(LATEST);
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Map<String, Object> inputs : latest) {
            counts.computeIfAbsent(runs.answer(current, inputs, output).shown(), k -> new int[2])[0]++;
            counts.computeIfAbsent(runs.answer(edited, inputs, output).shown(), k -> new int[2])[1]++;
        }
        List<Count> rows = new ArrayList<>();
        for (String answer : new TreeSet<>(counts.keySet())) {
            rows.add(new Count(answer, counts.get(answer)[0], counts.get(answer)[1]));
        }
        return Optional.of(new Counts(latest.size(), rows));
    }
}
