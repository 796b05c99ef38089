package org.pastoralflow.workflow.tables;

import java.util.ArrayList;
import java.util.List;

import org.pastoralflow.forms.FormData;

/**
 * The editor's form: the names of its fields (one per cell, so an error sits beside its cell) and the reading of
 * a posted table over the columns of the version it was made from. Every value goes through the one normaliser
 * ({@link FormData}); a cell's meaning is checked afterwards by {@link CellChecks}.
 */
final class TableForm {

    static final int CELL_LENGTH = 2000;
    static final int DESCRIPTION_LENGTH = 1000;
    /** Leaves room in the 1,000 characters of a deployment's reason for who proposed and approved it. */
    static final int REASON_LENGTH = 800;
    static final int MOST_RULES = 200;

    static final String HIT_POLICY = "hitPolicy";
    static final String REASON = "reason";
    static final String RULES = "rules";
    /** Problems of the table as a whole (the engine's, the safeguarding check's, a newer version deployed meanwhile). */
    static final String TABLE = "table";

    private TableForm() {
    }

    static String idField(int rule) {
        return "rule" + (rule + 1) + "-id";
    }

    static String descriptionField(int rule) {
        return "rule" + (rule + 1) + "-description";
    }

    static String inputField(int rule, int column) {
        return "rule" + (rule + 1) + "-in" + (column + 1);
    }

    static String outputField(int rule, int column) {
        return "rule" + (rule + 1) + "-out" + (column + 1);
    }

    static String sampleField(int column) {
        return "sample-in" + (column + 1);
    }

    /** The posted hit policy and rules over the base's inputs and outputs; problems of the text go into {@code data}. */
    static EditedTable read(EditedTable base, FormData data) {
        String policy = data.oneOf(HIT_POLICY, "How rules are chosen", TableFiles.HIT_POLICIES.keySet());
        List<EditedTable.Row> rows = new ArrayList<>();
        for (int r = 0; data.values().containsKey(idField(r)); r++) {
            if (r == MOST_RULES) {
                data.reject(RULES, "A table may have at most " + MOST_RULES + " rules.");
                break;
            }
            EditedTable.Row empty = EditedTable.Row.empty(base.inputs().size(), base.outputs().size());
            List<String> inputs = new ArrayList<>(empty.inputs());
            List<String> outputs = new ArrayList<>(empty.outputs());
            for (int c = 0; c < inputs.size(); c++) {
                inputs.set(c, cell(data, inputField(r, c), base.cellName(r, true, c)));
            }
            for (int c = 0; c < outputs.size(); c++) {
                outputs.set(c, cell(data, outputField(r, c), base.cellName(r, false, c)));
            }
            String id = data.text(idField(r), "Rule " + (r + 1) + "'s id", 100, false);
            String description = data.text(descriptionField(r), "Rule " + (r + 1) + ", what it is for", DESCRIPTION_LENGTH, false);
            rows.add(new EditedTable.Row(id == null ? "" : id, description == null ? "" : description, inputs, outputs));
        }
        return new EditedTable(base.decisionKey(), base.name(), policy == null ? base.hitPolicy() : policy, base.inputs(),
                base.outputs(), rows);
    }

    private static String cell(FormData data, String field, String label) {
        String v = data.text(field, label, CELL_LENGTH, false);
        return v == null ? "" : v;
    }
}
