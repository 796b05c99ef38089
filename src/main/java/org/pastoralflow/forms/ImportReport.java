package org.pastoralflow.forms;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an import of a MIS export did, or why it did nothing: every bad row and field, and how each
 * column of the file was read. {@code line} is the row as a spreadsheet numbers it (the header
 * row is 1), which is the line of the file unless a cell holds a line break.
 */
public record ImportReport(int rowsRead, int created, int updated, List<Problem> problems, List<ColumnRead> columns) {

    public ImportReport(int rowsRead, int created, int updated, List<Problem> problems) {
        this(rowsRead, created, updated, problems, List.of());
    }

    public record Problem(int line, String field, String message) {
    }

    /** A column of the file and the field it was read as; {@code readAs} null when it was not used. */
    public record ColumnRead(String column, String readAs) {

        @JsonProperty
        public String statement() {
            return readAs == null ? "'" + column + "' not used" : "'" + column + "' read as " + readAs;
        }
    }

    public boolean accepted() {
        return problems.isEmpty();
    }

    public ImportReport withColumns(List<ColumnRead> read) {
        return new ImportReport(rowsRead, created, updated, problems, read);
    }
}
