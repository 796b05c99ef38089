package org.pastoralflow.student;

import java.util.List;

/** What an import did, or why it did nothing: every bad row and field, by line number in the file. */
public record ImportReport(int rowsRead, int created, int updated, List<Problem> problems) {

    public record Problem(int line, String field, String message) {
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}
