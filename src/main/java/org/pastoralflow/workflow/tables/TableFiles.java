package org.pastoralflow.workflow.tables;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.model.dmn.BuiltinAggregator;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;

/**
 * Reads a decision table out of its DMN file and writes an edited one back into the same file with the DMN model
 * API, so everything the editor does not change (ids, the diagram, namespaces, the other decisions, the inputs and
 * outputs) stays as it was.
 */
final class TableFiles {

    /**
     * The hit policies the editor offers, with what they mean to the person choosing: those of the Camunda 7 DMN engine
     * that give one answer. Every business rule task in the models reads its table as a single answer
     * ({@code mapDecisionResult="singleEntry"}), so a table switched to "rule order" or a plain "collect" would stop
     * the next case at that step with an engine error instead of routing it.
     */
    static final Map<String, String> HIT_POLICIES = hitPolicies();

    private TableFiles() {
    }

    private static Map<String, String> hitPolicies() {
        Map<String, String> policies = new LinkedHashMap<>();
        policies.put("FIRST", "First: the first matching rule, top to bottom");
        policies.put("UNIQUE", "Unique: exactly one rule may match");
        policies.put("ANY", "Any: rules that match must agree");
        policies.put("COLLECT SUM", "Collect and add up");
        policies.put("COLLECT MIN", "Collect, the smallest");
        policies.put("COLLECT MAX", "Collect, the largest");
        policies.put("COLLECT COUNT", "Collect, how many");
        return policies;
    }

    static DmnModelInstance parse(byte[] xml) {
        return Dmn.readModelFromStream(new ByteArrayInputStream(xml));
    }

    static EditedTable read(byte[] xml, String decisionKey) {
        DmnModelInstance model = parse(xml);
        Decision decision = model.getModelElementById(decisionKey);
        DecisionTable table = (DecisionTable) decision.getExpression();
        List<EditedTable.Column> inputs = new ArrayList<>();
        for (Input in : table.getInputs()) {
            String variable = in.getCamundaInputVariable() != null ? in.getCamundaInputVariable() : text(in.getInputExpression());
            inputs.add(new EditedTable.Column(in.getId(), in.getLabel(), variable, in.getInputExpression().getTypeRef(),
                    blankToNull(text(in.getInputValues()))));
        }
        List<EditedTable.Column> outputs = new ArrayList<>();
        for (Output out : table.getOutputs()) {
            outputs.add(new EditedTable.Column(out.getId(), out.getLabel(), out.getName(), out.getTypeRef(), blankToNull(text(out.getOutputValues()))));
        }
        List<EditedTable.Row> rules = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            rules.add(new EditedTable.Row(rule.getId(), description(rule),
                    rule.getInputEntries().stream().map(TableFiles::text).toList(),
                    rule.getOutputEntries().stream().map(TableFiles::text).toList()));
        }
        return new EditedTable(decisionKey, decision.getName(), hitPolicy(table), inputs, outputs, rules);
    }

    /**
     * The file with the edited hit policy and rules: rules kept by id are changed in place (their entries keep
     * their ids), removed ones are taken out, new ones get ids, and the order is the edited one.
     */
    static byte[] write(byte[] baseXml, EditedTable edited) {
        DmnModelInstance model = parse(baseXml);
        Decision decision = model.getModelElementById(edited.decisionKey());
        DecisionTable table = (DecisionTable) decision.getExpression();
        String[] policy = edited.hitPolicy().split(" ");
        table.setHitPolicy(HitPolicy.valueOf(policy[0]));
        if (policy.length > 1) {
            table.setAggregation(BuiltinAggregator.valueOf(policy[1]));
        } else if (table.getAggregation() != null) {
            table.removeAttribute("aggregation");
        }

        Map<String, Rule> existing = new LinkedHashMap<>();
        table.getRules().forEach(r -> existing.put(r.getId(), r));
        existing.values().forEach(table::removeChildElement);
        for (EditedTable.Row row : edited.rules()) {
            Rule rule = row.id().isBlank() || !existing.containsKey(row.id()) ? newRule(model, edited) : existing.get(row.id());
            fill(rule.getInputEntries().iterator(), row.inputs());
            fill(rule.getOutputEntries().iterator(), row.outputs());
            describe(model, rule, row.description());
            table.getRules().add(rule);
        }
        return Dmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
    }

    private static Rule newRule(DmnModelInstance model, EditedTable edited) {
        String id = "Rule_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Rule rule = model.newInstance(Rule.class);
        rule.setId(id);
        for (int i = 0; i < edited.inputs().size(); i++) {
            InputEntry entry = model.newInstance(InputEntry.class);
            entry.setId(id + "_In" + (i + 1));
            entry.setText(model.newInstance(Text.class));
            rule.getInputEntries().add(entry);
        }
        for (int i = 0; i < edited.outputs().size(); i++) {
            OutputEntry entry = model.newInstance(OutputEntry.class);
            entry.setId(id + "_Out" + (i + 1));
            entry.setText(model.newInstance(Text.class));
            rule.getOutputEntries().add(entry);
        }
        return rule;
    }

    private static void fill(Iterator<? extends DmnElement> entries, List<String> cells) {
        for (String cell : cells) {
            DmnElement entry = entries.next();
            Text text = entry instanceof UnaryTests u ? u.getText() : ((LiteralExpression) entry).getText();
            if (text == null) {
                text = entry.getModelInstance().newInstance(Text.class);
                if (entry instanceof UnaryTests u) {
                    u.setText(text);
                } else {
                    ((LiteralExpression) entry).setText(text);
                }
            }
            text.setTextContent(cell == null ? "" : cell);
        }
    }

    private static void describe(DmnModelInstance model, Rule rule, String description) {
        if (description == null || description.isBlank()) {
            rule.setDescription(null);
            return;
        }
        Description d = rule.getDescription() != null ? rule.getDescription() : model.newInstance(Description.class);
        d.setTextContent(description);
        rule.setDescription(d);
    }

    private static String hitPolicy(DecisionTable table) {
        HitPolicy policy = table.getHitPolicy() == null ? HitPolicy.UNIQUE : table.getHitPolicy();
        return policy.name() + (table.getAggregation() == null ? "" : " " + table.getAggregation().name());
    }

    private static String description(DmnElement element) {
        return element.getDescription() == null ? "" : element.getDescription().getTextContent().strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String text(DmnElement element) {
        if (element == null) {
            return null;
        }
        Text text = element instanceof UnaryTests u ? u.getText() : element instanceof LiteralExpression l ? l.getText() : null;
        return text == null ? "" : text.getTextContent().strip();
    }
}
