package org.pastoralflow.casefile;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.pastoralflow.security.Confidentiality;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

/**
 * Rows of the case store as text, column by column as stored, for the subject access parts: the
 * export shows what is held, not what a page makes of it. Times are ISO instants (UTC), so a
 * reader never wonders which zone a time is in.
 */
@Component
public class StoredRows {

    /** The columns of a query (known even when no row matched) and its rows, each column to its text. */
    public record Rows(List<String> columns, List<Map<String, String>> rows) {

        /** The same rows without some columns, e.g. a flag that belongs to a record of another confidentiality. */
        public Rows without(String... dropped) {
            List<String> gone = Arrays.asList(dropped);
            List<Map<String, String>> kept = rows.stream().map(r -> {
                Map<String, String> copy = new LinkedHashMap<>(r);
                gone.forEach(copy::remove);
                return copy;
            }).toList();
            return new Rows(columns.stream().filter(c -> !gone.contains(c)).toList(), kept);
        }

        /** One table of a subject access part, each row an item of this record type (its id from the {@code id} column). */
        public SubjectAccessPart.Table table(String file, String title, String recordType,
                                             Function<Map<String, String>, Confidentiality> confidentiality) {
            return new SubjectAccessPart.Table(file, title, columns, rows.stream()
                    .map(r -> new SubjectAccessPart.Item(recordType, Long.valueOf(r.get("id")), confidentiality.apply(r), r)).toList());
        }
    }

    private final JdbcTemplate jdbc;

    public StoredRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Rows query(String sql, Object... args) {
        List<String> columns = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        jdbc.query(sql, (ResultSetExtractor<Void>) rs -> {
            // the columns come from the metadata, so a table with no rows still has its header
            ResultSetMetaData meta = rs.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                columns.add(meta.getColumnLabel(c).toLowerCase(Locale.ROOT));
            }
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 1; c <= columns.size(); c++) {
                    row.put(columns.get(c - 1), text(rs.getObject(c)));
                }
                rows.add(row);
            }
            return null;
        }, args);
        return new Rows(List.copyOf(columns), rows);
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof byte[] b) {
            return "(" + b.length + " bytes)";
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return value.toString();
    }
}
