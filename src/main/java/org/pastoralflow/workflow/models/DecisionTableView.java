package org.pastoralflow.workflow.models;

import static org.pastoralflow.workflow.models.ModelDiff.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;

/**
 * A decision table as the page shows it, read-only: its hit policy in words, its inputs and outputs, and its rows
 * in order with their cells as written (FEEL) and their annotations. Read from the deployed file with the
 * engine's DMN model API, so what is shown is what the engine evaluates.
 */
public record DecisionTableView(String key, String name, String hitPolicy, String hitPolicyMeaning, List<Column> inputs,
                                List<Column> outputs, List<Row> rows) {

    /** An input (its expression) or an output (its name), its type and the values it allows. */
    public record Column(String id, String label, String expression, String type, String allowedValues) {

        /** What the column is called on the page: its label, else its expression or output name. */
        public String heading() {
            return label != null ? label : expression != null ? expression : id;
        }

        Map<String, String> properties() {
            Map<String, String> p = new LinkedHashMap<>();
            putIf(p, "label", label);
            putIf(p, "expression", expression);
            putIf(p, "type", type);
            putIf(p, "allowed values", allowedValues);
            return p;
        }

        String describe() {
            return properties().entrySet().stream().map(e -> e.getKey() + " " + ModelDiff.quote(e.getValue()))
                    .collect(Collectors.joining(", "));
        }
    }

    /** A row: its position from 1, its cells (empty for "any"), and its annotation. */
    public record Row(String id, int position, List<String> inputEntries, List<String> outputEntries, String annotation) {

        public String label() {
            return "Row " + position + (annotation == null ? "" : " (" + ModelDiff.quote(annotation) + ")");
        }

        /** An input cell as the page shows it: an empty one matches anything. */
        public String inputShown(int column) {
            String entry = column < inputEntries.size() ? inputEntries.get(column) : null;
            return entry == null || entry.equals("-") ? "any" : entry;
        }

        public String outputShown(int column) {
            String entry = column < outputEntries.size() ? outputEntries.get(column) : null;
            return entry == null ? "(nothing)" : entry;
        }

        /** The row as a sentence: "when Category is "send" → Reviewed by "senco"". */
        String sentence(DecisionTableView table) {
            List<String> when = new ArrayList<>();
            for (int i = 0; i < table.inputs().size(); i++) {
                if (!inputShown(i).equals("any")) {
                    when.add(table.inputs().get(i).heading() + " is " + inputShown(i));
                }
            }
            List<String> then = new ArrayList<>();
            for (int i = 0; i < table.outputs().size(); i++) {
                then.add(table.outputs().get(i).heading() + " " + outputShown(i));
            }
            return (when.isEmpty() ? "always" : "when " + String.join(" and ", when)) + " → " + String.join(", ", then);
        }
    }

    static DecisionTableView of(String key, String name, DecisionTable table) {
        List<Column> inputs = table.getInputs().stream().map(DecisionTableView::input).toList();
        List<Column> outputs = table.getOutputs().stream().map(DecisionTableView::output).toList();
        List<Row> rows = new ArrayList<>();
        int position = 1;
        for (Rule rule : table.getRules()) {
            rows.add(new Row(rule.getId(), position++,
                    rule.getInputEntries().stream().map(InputEntry::getText).map(DecisionTableView::content).toList(),
                    rule.getOutputEntries().stream().map(OutputEntry::getText).map(DecisionTableView::content).toList(),
                    rule.getDescription() == null ? null : text(rule.getDescription().getTextContent())));
        }
        HitPolicy policy = table.getHitPolicy() == null ? HitPolicy.UNIQUE : table.getHitPolicy();
        String hitPolicy = policy.name().replace('_', ' ') + (table.getAggregation() == null ? "" : " " + table.getAggregation().name());
        return new DecisionTableView(key, text(name), hitPolicy, meaning(policy), inputs, outputs, rows);
    }

    private static Column input(Input input) {
        return new Column(input.getId(), text(input.getLabel()),
                input.getInputExpression() == null ? null : content(input.getInputExpression().getText()),
                input.getInputExpression() == null ? null : input.getInputExpression().getTypeRef(),
                input.getInputValues() == null ? null : content(input.getInputValues().getText()));
    }

    private static Column output(Output output) {
        return new Column(output.getId(), text(output.getLabel()), text(output.getName()), output.getTypeRef(),
                output.getOutputValues() == null ? null : content(output.getOutputValues().getText()));
    }

    private static String content(Text text) {
        return text == null ? null : text(text.getTextContent());
    }

    /** What the hit policy means for the school, in the words of the DMN standard's definitions. */
    private static String meaning(HitPolicy policy) {
        return switch (policy) {
            case UNIQUE -> "At most one row may match; the table is wrong if two do.";
            case FIRST -> "The rows are read from the top: the first row that matches decides.";
            case PRIORITY -> "Of the rows that match, the one whose output comes first in the output's list of values decides.";
            case ANY -> "Several rows may match if they all give the same answer.";
            case COLLECT -> "Every row that matches gives an answer.";
            case RULE_ORDER -> "Every row that matches gives an answer, in the order of the rows.";
            case OUTPUT_ORDER -> "Every row that matches gives an answer, in the order of the output's list of values.";
        };
    }

    private static void putIf(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
