package org.pastoralflow.workflow.tables;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Runs a version of a decision table, deployed or not, without deploying it and without history: in a DMN engine
 * of its own with the defaults the process engine's has (FEEL by feel-scala for conditions and answers). The process
 * engine's own DMN engine parses only inside a deployment (its history time-to-live check needs one).
 */
@Component
class TableRuns {

    /** What a table answered: the named output of each matching rule, or why it gave no single answer. */
    record Answer(List<Object> values, String failure) {

        /** As a person reads it: "dsl", "dsl, senco", "no rule matches", or the failure. */
        String shown() {
            if (failure != null) {
                return failure;
            }
            return values.isEmpty() ? NO_MATCH : values.stream().map(v -> v == null ? "(empty)" : String.valueOf(v))
                    .collect(Collectors.joining(", "));
        }

        boolean onlyAndAlways(Object expected) {
            return failure == null && !values.isEmpty() && values.stream().allMatch(v -> Objects.equals(String.valueOf(v), String.valueOf(expected)));
        }
    }

    static final String NO_MATCH = "no rule matches";

    private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private DmnEngine dmn() {
        return engine;
    }

    /** The table as the engine reads it; throws what the engine throws when it cannot. */
    DmnDecision parse(byte[] xml, String decisionKey) {
        return dmn().parseDecision(decisionKey, new ByteArrayInputStream(xml));
    }

    /** The problem the engine finds in the whole file, or null: it is parsed and run once on these inputs. */
    String problem(byte[] xml, String decisionKey, Map<String, Object> sampleInputs) {
        try {
            Answer answer = answer(parse(xml, decisionKey), sampleInputs, null);
            return answer.failure() != null && answer.failure().startsWith("the engine") ? answer.failure() : null;
        } catch (RuntimeException e) {
            return "the engine cannot read the table (" + e.getMessage() + ")";
        }
    }

    /** The named output (or the first) of each matching rule for these inputs. */
    Answer answer(DmnDecision decision, Map<String, Object> inputs, String output) {
        try {
            List<Object> values = new ArrayList<>();
            for (DmnDecisionResultEntries entries : dmn().evaluateDecision(decision, Variables.fromMap(inputs))) {
                values.add(output != null && entries.containsKey(output) ? entries.get(output) : entries.getFirstEntry());
            }
            return new Answer(values, null);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Answer(List.of(), message.contains("hit policy") ? "the rules that match disagree (" + message + ")"
                    : "the engine could not evaluate it (" + message + ")");
        }
    }
}
