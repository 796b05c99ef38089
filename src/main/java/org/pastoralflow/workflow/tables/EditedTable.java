package org.pastoralflow.workflow.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * A decision table as the editor shows and reads it: the hit policy, the inputs and outputs (read only: a school
 * changes rules, the application's models give the inputs) and the rules, each cell as the FEEL text it holds.
 * Rows are changed by position; a new row has no id until it is written into the file.
 */
public record EditedTable(String decisionKey, String name, String hitPolicy, List<Column> inputs, List<Column> outputs,
                          List<Row> rules) {

    /** An input or output: its label, the variable or output name, its type and the values it allows (FEEL, or null). */
    public record Column(String id, String label, String variable, String typeRef, String allowedValues) {

        public String heading() {
            return label != null && !label.isBlank() ? label : variable;
        }

        /** The type as a person reads it ("whole number"). */
        public String typeName() {
            return CellChecks.typeName(typeRef);
        }
    }

    /** A rule: its id in the file (blank for a new one), what it is for, and its cells in column order. */
    public record Row(String id, String description, List<String> inputs, List<String> outputs) {

        static Row empty(int inputs, int outputs) {
            return new Row("", "", blanks(inputs), blanks(outputs));
        }

        private static List<String> blanks(int n) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                cells.add("");
            }
            return cells;
        }
    }

    public EditedTable withRules(List<Row> rows) {
        return new EditedTable(decisionKey, name, hitPolicy, inputs, outputs, List.copyOf(rows));
    }

    /** "Rule 3, Category": how an error names a cell. */
    public String cellName(int rule, boolean input, int column) {
        Column c = (input ? inputs : outputs).get(column);
        return "Rule " + (rule + 1) + ", " + c.heading();
    }
}
