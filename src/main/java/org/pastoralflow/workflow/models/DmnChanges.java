package org.pastoralflow.workflow.models;

import static org.pastoralflow.workflow.models.ModelDiff.label;
import static org.pastoralflow.workflow.models.ModelDiff.quote;
import static org.pastoralflow.workflow.models.ModelDiff.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.pastoralflow.workflow.models.DecisionTableView.Column;
import org.pastoralflow.workflow.models.DecisionTableView.Row;
import org.pastoralflow.workflow.models.ModelDiff.Change;

/**
 * The DMN half of {@link ModelDiff}, per decision of the file: its hit policy, its inputs and outputs (by id),
 * and its rows (by id, or by position when a row has none): added, removed, moved, or changed cell by cell. A
 * row is named by its position in the newer table and its annotation, as the table editor shows it.
 */
final class DmnChanges {

    private DmnChanges() {
    }

    static List<Change> between(DmnModelInstance before, DmnModelInstance after) {
        List<Change> changes = new ArrayList<>();
        Map<String, Decision> was = decisions(before);
        Map<String, Decision> now = decisions(after);
        now.forEach((id, decision) -> {
            String label = "Decision " + label(decision.getName(), id);
            Decision old = was.get(id);
            if (old == null) {
                changes.add(new Change(label, "added"));
            } else {
                if (!Objects.equals(text(old.getName()), text(decision.getName()))) {
                    changes.add(new Change(label, "renamed from " + quote(String.valueOf(text(old.getName())))));
                }
                compare(label, old, decision, changes);
            }
        });
        was.forEach((id, decision) -> {
            if (!now.containsKey(id)) {
                changes.add(new Change("Decision " + label(decision.getName(), id), "removed"));
            }
        });
        return changes;
    }

    private static Map<String, Decision> decisions(DmnModelInstance model) {
        Map<String, Decision> byId = new LinkedHashMap<>();
        model.getModelElementsByType(Decision.class).forEach(d -> byId.put(d.getId(), d));
        return byId;
    }

    private static void compare(String label, Decision before, Decision after, List<Change> changes) {
        if (before.getExpression() instanceof LiteralExpression was && after.getExpression() instanceof LiteralExpression now) {
            ModelDiff.compare(label, properties("expression", was.getText() == null ? null : was.getText().getTextContent()),
                    properties("expression", now.getText() == null ? null : now.getText().getTextContent()), changes);
            return;
        }
        if (!(before.getExpression() instanceof DecisionTable was) || !(after.getExpression() instanceof DecisionTable now)) {
            changes.add(new Change(label, "changed from a " + kind(before) + " to a " + kind(after)));
            return;
        }
        DecisionTableView old = DecisionTableView.of(before.getId(), before.getName(), was);
        DecisionTableView neu = DecisionTableView.of(after.getId(), after.getName(), now);
        ModelDiff.compare(label, properties("hit policy", old.hitPolicy()), properties("hit policy", neu.hitPolicy()), changes);
        columns("Input", old.inputs(), neu.inputs(), changes);
        columns("Output", old.outputs(), neu.outputs(), changes);
        rows(label, old, neu, changes);
    }

    private static String kind(Decision decision) {
        return decision.getExpression() instanceof DecisionTable ? "decision table" : "literal expression";
    }

    private static Map<String, String> properties(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>();
        if (text(value) != null) {
            p.put(name, text(value));
        }
        return p;
    }

    private static void columns(String kind, List<Column> before, List<Column> after, List<Change> changes) {
        Map<String, Column> was = before.stream().collect(Collectors.toMap(Column::id, c -> c, (a, b) -> a, LinkedHashMap::new));
        Map<String, Column> now = after.stream().collect(Collectors.toMap(Column::id, c -> c, (a, b) -> a, LinkedHashMap::new));
        now.forEach((id, column) -> {
            String label = kind + " " + quote(column.heading());
            Column old = was.get(id);
            if (old == null) {
                changes.add(new Change(label, "added: " + column.describe()));
            } else {
                ModelDiff.compare(label, old.properties(), column.properties(), changes);
            }
        });
        was.forEach((id, column) -> {
            if (!now.containsKey(id)) {
                changes.add(new Change(kind + " " + quote(column.heading()), "removed"));
            }
        });
    }

    private static void rows(String decisionLabel, DecisionTableView before, DecisionTableView after, List<Change> changes) {
        boolean byId = before.rows().stream().allMatch(r -> r.id() != null) && after.rows().stream().allMatch(r -> r.id() != null);
        Map<String, Row> was = new LinkedHashMap<>();
        before.rows().forEach(r -> was.put(byId ? r.id() : String.valueOf(r.position()), r));
        Map<String, Row> now = new LinkedHashMap<>();
        after.rows().forEach(r -> now.put(byId ? r.id() : String.valueOf(r.position()), r));
        now.forEach((key, row) -> {
            Row old = was.get(key);
            if (old == null) {
                changes.add(new Change(row.label(), "added: " + row.sentence(after)));
                return;
            }
            cells(before, old, after, row, changes);
        });
        was.forEach((key, row) -> {
            if (!now.containsKey(key)) {
                changes.add(new Change(row.label(), "removed (was: " + row.sentence(before) + ")"));
            }
        });
        List<String> oldOrder = was.keySet().stream().filter(now::containsKey).toList();
        List<String> newOrder = now.keySet().stream().filter(was::containsKey).toList();
        if (!oldOrder.equals(newOrder)) {
            changes.add(new Change(decisionLabel, "rows in a new order: " + newOrder.stream().map(k -> now.get(k).label())
                    .collect(Collectors.joining(", "))));
        }
    }

    /**
     * Compares a row's cells column by column (a column matched by id: one added or removed is reported as a
     * column), then its annotation.
     */
    private static void cells(DecisionTableView before, Row old, DecisionTableView after, Row row, List<Change> changes) {
        Map<String, String> was = new LinkedHashMap<>();
        Map<String, String> now = new LinkedHashMap<>();
        for (int i = 0; i < after.inputs().size(); i++) {
            int j = indexOf(before.inputs(), after.inputs().get(i).id());
            if (j >= 0) {
                String heading = heading(now, after.inputs().get(i));
                was.put(heading, old.inputShown(j));
                now.put(heading, row.inputShown(i));
            }
        }
        for (int i = 0; i < after.outputs().size(); i++) {
            int j = indexOf(before.outputs(), after.outputs().get(i).id());
            if (j >= 0) {
                String heading = heading(now, after.outputs().get(i));
                was.put(heading, old.outputShown(j));
                now.put(heading, row.outputShown(i));
            }
        }
        if (old.annotation() != null) {
            was.put("annotation", old.annotation());
        }
        if (row.annotation() != null) {
            now.put("annotation", row.annotation());
        }
        ModelDiff.compare(row.label(), was, now, changes);
    }

    private static int indexOf(List<Column> columns, String id) {
        for (int i = 0; i < columns.size(); i++) {
            if (Objects.equals(columns.get(i).id(), id)) {
                return i;
            }
        }
        return -1;
    }

    /** The column's heading, or with its id when another column has the same heading. */
    private static String heading(Map<String, String> taken, Column column) {
        return taken.containsKey(column.heading()) ? column.heading() + " (" + column.id() + ")" : column.heading();
    }
}
