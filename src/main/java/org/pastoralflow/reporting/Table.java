package org.pastoralflow.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

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

    public String csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
