package org.pastoralflow.workflow.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Whether a version of a table declared in {@link SafeguardingSettings} could send safeguarding work anywhere but
 * where it must go. Not a sample: the table is run on every combination of its inputs' values with a safeguarding
 * value fixed (the other inputs over their allowed values, true and false, the year groups, and empty), so a
 * refusal names the case that would have gone wrong.
 */
@Component
@EnableConfigurationProperties(SafeguardingSettings.class)
class SafeguardingTables {

    /** Above this many combinations a table is refused as too wide to check (none of the application's comes near). */
    static final int MOST_COMBINATIONS = 100_000;

    private final SafeguardingSettings settings;
    private final TableRuns runs;
    private final CellChecks cells;

    SafeguardingTables(SafeguardingSettings settings, TableRuns runs, CellChecks cells) {
        this.settings = settings;
        this.runs = runs;
        this.cells = cells;
    }

    /** Whether changes to this table route safeguarding work (and so need a DSL). */
    boolean routesSafeguarding(String decisionKey) {
        return settings.safeguardingTables().containsKey(decisionKey);
    }

    /** Who a safeguarding case must go to in this table ("dsl"), for the page. */
    Optional<SafeguardingSettings.Declared> declared(String decisionKey) {
        return Optional.ofNullable(settings.safeguardingTables().get(decisionKey));
    }

    /** The first case of safeguarding work this version would send elsewhere, as a sentence; empty when there is none. */
    Optional<String> firstMisrouted(EditedTable table, byte[] xml) {
        SafeguardingSettings.Declared rule = settings.safeguardingTables().get(table.decisionKey());
        if (rule == null) {
            return Optional.empty();
        }
        DmnDecision decision = runs.parse(xml, table.decisionKey());
        for (Map.Entry<String, List<String>> when : rule.safeguardingWhen().entrySet()) {
            int fixed = indexOf(table, when.getKey());
            if (fixed < 0) {
                return Optional.of("The table has no input " + when.getKey() + ", which says whether a case is safeguarding work");
            }
            List<List<Object>> domains = new ArrayList<>();
            long combinations = 1;
            for (int i = 0; i < table.inputs().size(); i++) {
                EditedTable.Column in = table.inputs().get(i);
                List<Object> domain = i == fixed ? when.getValue().stream().map(v -> typed(v, in.typeRef())).toList() : domain(in, rule);
                domains.add(domain);
                combinations *= domain.size();
            }
            if (combinations > MOST_COMBINATIONS) {
                return Optional.of("The table has too many combinations of inputs to check that safeguarding work always goes to "
                        + rule.mustBe());
            }
            Optional<String> wrong = firstWrong(table, decision, rule, domains);
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        return Optional.empty();
    }

    private Optional<String> firstWrong(EditedTable table, DmnDecision decision, SafeguardingSettings.Declared rule,
                                        List<List<Object>> domains) {
        int[] at = new int[domains.size()];
        while (true) {
            Map<String, Object> inputs = new HashMap<>();
            Map<String, Object> shown = new LinkedHashMap<>();
            for (int i = 0; i < at.length; i++) {
                EditedTable.Column in = table.inputs().get(i);
                Object value = domains.get(i).get(at[i]);
                inputs.put(in.variable(), value);
                shown.put(in.heading(), value);
            }
            TableRuns.Answer answer = runs.answer(decision, inputs, rule.output());
            if (!answer.onlyAndAlways(rule.mustBe())) {
                return Optional.of("Safeguarding work must always go to " + rule.mustBe() + " (KCSIE 2025 Part one), but "
                        + describe(shown) + " would get: " + answer.shown());
            }
            int i = at.length - 1;
            while (i >= 0 && ++at[i] == domains.get(i).size()) {
                at[i] = 0;
                i--;
            }
            if (i < 0) {
                return Optional.empty();
            }
        }
    }

    private List<Object> domain(EditedTable.Column in, SafeguardingSettings.Declared rule) {
        List<Object> values = new ArrayList<>();
        List<Object> allowed = cells.allowed(in);
        if (allowed != null) {
            values.addAll(allowed);
        } else if ("boolean".equals(in.typeRef())) {
            values.addAll(Arrays.asList(Boolean.TRUE, Boolean.FALSE));
        } else if ("integer".equals(in.typeRef()) || "long".equals(in.typeRef())) {
            values.addAll(rule.wholeNumbers());
        }
        values.add(null);
        return Collections.unmodifiableList(values);
    }

    private static int indexOf(EditedTable table, String variable) {
        for (int i = 0; i < table.inputs().size(); i++) {
            if (variable.equals(table.inputs().get(i).variable())) {
                return i;
            }
        }
        return -1;
    }

    static Object typed(String value, String typeRef) {
        if (value == null || typeRef == null) {
            return value;
        }
        return switch (typeRef) {
            case "boolean" -> Boolean.valueOf(value);
            case "integer" -> Integer.valueOf(value);
            case "long" -> Long.valueOf(value);
            case "double" -> Double.valueOf(value);
            default -> value;
        };
    }

    private static String describe(Map<String, Object> inputs) {
        List<String> parts = new ArrayList<>();
        inputs.forEach((name, value) -> parts.add(name + " " + (value == null ? "empty" : value)));
        return "a case with " + String.join(", ", parts);
    }
}
