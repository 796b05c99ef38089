package org.pastoralflow.reporting;

import java.util.List;

import org.pastoralflow.documents.CsvExport;

/**
 * The numbers behind one chart: the page shows this table, the chart is drawn from it and the
 * CSV download is written from it, so the three can never disagree. {@code note} says what the
 * counts leave out or how they are made; {@code series} names the columns the chart draws
 * (none: every numeric column but a "Total").
 */
public record Table(String name, String title, List<String> columns, List<List<Object>> rows, String note,
                    List<String> series) {

    public Table(String name, String title, List<String> columns, List<List<Object>> rows) {
        this(name, title, columns, rows, null, List.of());
    }

    public Table withNote(String text) {
        return new Table(name, title, columns, rows, text, series);
    }

    public Table charting(String... columnNames) {
        return new Table(name, title, columns, rows, note, List.of(columnNames));
    }

    public String seriesAttribute() {
        return String.join("|", series);
    }

    public byte[] csv() {
        CsvExport csv = CsvExport.withHeader(columns);
        rows.forEach(csv::row);
        return csv.toBytes();
    }
}
