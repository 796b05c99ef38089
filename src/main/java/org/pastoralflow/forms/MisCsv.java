package org.pastoralflow.forms;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * The one reader of the CSV files schools export from their MIS (SIMS, Arbor, Bromcom) or get
 * from admissions: the students export, the Year 7 allocation list and weekly attendance. Exports
 * differ in ways that say nothing about the data, so all of them are read alike: UTF-8 with or
 * without a byte-order mark, CRLF or LF, {@code ,} or {@code ;} between cells (whichever the
 * header row uses more), Excel's quoting (quoted commas, doubled quotes, line breaks in quotes),
 * and each import's columns found by any of the names the products give them ({@link Column}).
 * Every cell passes {@link TextInput}; dates are read by {@link MisRow#date}. Problems are
 * collected, never thrown, so an import can report every one of them and write nothing.
 * <p>
 * Files that are not CSV text are named for what they are: people upload the Excel workbook or a
 * PDF of the report more often than one would think, and deserve to be told so.
 */
public final class MisCsv implements Closeable {

    /**
     * One of our fields, under our name, and the other names exports give it, most preferred first.
     * A required column missing from the header refuses the file; an optional one (a figure that
     * older exports or some products leave out) reads as empty cells.
     */
    public record Column(String name, List<String> otherNames, boolean required) {

        public static Column of(String name, String... otherNames) {
            return new Column(name, List.of(otherNames), true);
        }

        public static Column optional(String name, String... otherNames) {
            return new Column(name, List.of(otherNames), false);
        }

        List<String> names() {
            return Stream.concat(Stream.of(name), otherNames.stream()).toList();
        }

        /** "DOB (or Date of Birth)", for the message that a column is missing. */
        String accepted() {
            return otherNames.isEmpty() ? name : name + " (or " + String.join(", ", otherNames) + ")";
        }
    }

    /** The body was larger than the limit of {@link #limited}; nothing was imported. */
    public static final class TooLargeException extends IOException {

        private final long limit;

        TooLargeException(long limit) {
            super("The file is larger than " + limit + " bytes.");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    static final int SNIFF = 8192;
    /** Problems kept for the report; a file of nothing but bad rows would otherwise fill the memory and the page. */
    static final int MOST_PROBLEMS = 1000;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final List<ImportReport.ColumnRead> columnsRead = new ArrayList<>();
    private final List<ImportReport.Problem> problems = new ArrayList<>();
    private final Map<String, Map<String, Integer>> firstRows = new HashMap<>();
    private final Map<String, String> monthFirst = new LinkedHashMap<>();
    private int rowsRead;
    private int problemsNotKept;
    private boolean finished;

    private MisCsv(String refusal) {
        this.parser = null;
        this.records = null;
        this.problems.add(new ImportReport.Problem(1, "file", refusal));
        this.finished = true;
    }

    private MisCsv(CSVParser parser, List<Column> columns) throws IOException {
        this.parser = parser;
        this.records = parser.iterator();
        CSVRecord header = nextRecord();
        if (header == null) {
            if (problems.isEmpty()) {
                problems.add(new ImportReport.Problem(1, "file", "The file is empty: it has no header row."));
            }
            finished = true;
        } else {
            readHeader(header, columns);
        }
    }

    /**
     * Opens an upload or request body. A file that is not CSV text, or whose header row lacks one of
     * {@code columns}, comes back with that problem and no rows; only a {@link TooLargeException}
     * (or the connection failing) is thrown.
     */
    public static MisCsv open(InputStream upload, List<Column> columns) throws IOException {
        BufferedInputStream in = new BufferedInputStream(upload, SNIFF);
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        String kind = binaryKind(head);
        if (kind != null) {
            return new MisCsv("This file is " + kind + ", not a CSV export. Export the report from the MIS as CSV "
                    + "(or in Excel: File, Save As, CSV UTF-8) and upload that.");
        }
        InputStream text = BOMInputStream.builder().setInputStream(in).get();
        // a file in another encoding is refused rather than read with its accents garbled
        InputStreamReader reader = new InputStreamReader(text, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return new MisCsv(CSVParser.parse(reader, FORMAT.builder().setDelimiter(delimiter(head)).get()), columns);
    }

    /** The body, failing with {@link TooLargeException} once more than {@code maxBytes} have been read. */
    public static InputStream limited(InputStream body, long maxBytes) throws IOException {
        return BoundedInputStream.builder().setInputStream(body).setMaxCount(maxBytes + 1)
                .setOnMaxCount((max, count) -> {
                    throw new TooLargeException(maxBytes);
                }).get();
    }

    /** The next row that is not empty, or null at the end of the file or once it cannot be read further. */
    public MisRow next() throws IOException {
        if (finished) {
            return null;
        }
        CSVRecord record = nextRecord();
        if (record == null) {
            finish();
            return null;
        }
        rowsRead++;
        return new MisRow(this, record, (int) record.getRecordNumber());
    }

    /**
     * Every problem found so far, by row, the header's and the file's first: the first
     * {@value #MOST_PROBLEMS}, then how many more.
     */
    public List<ImportReport.Problem> problems() {
        List<ImportReport.Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(ImportReport.Problem::line));
        if (problemsNotKept > 0) {
            sorted.add(new ImportReport.Problem(sorted.get(sorted.size() - 1).line(), "file", "And " + problemsNotKept
                    + " more problems on later rows, not listed: fix these first, or check that this is the right file."));
        }
        return sorted;
    }

    /** Each column of the file in order, and what it was read as. */
    public List<ImportReport.ColumnRead> columnsRead() {
        return List.copyOf(columnsRead);
    }

    public int rowsRead() {
        return rowsRead;
    }

    /** Adds a problem an import found by looking at several rows (a UPN unknown, two weeks in one file). */
    public void problem(int row, String column, String message) {
        add(new ImportReport.Problem(row, column, message));
    }

    /** The column's name as the file spells it, for messages. */
    public String label(String column) {
        String label = labels.get(column);
        if (label == null) {
            throw new IllegalArgumentException("No column " + column + " in this import");
        }
        return label;
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
    }

    // ------------------------------------------------------------------ for MisRow

    String cell(CSVRecord record, String column) {
        label(column);
        Integer at = index.get(column);
        return at != null && at < record.size() ? record.get(at) : "";
    }

    void add(ImportReport.Problem problem) {
        if (problems.size() < MOST_PROBLEMS) {
            problems.add(problem);
        } else {
            problemsNotKept++;
        }
    }

    int problemCount() {
        return problems.size() + problemsNotKept;
    }

    /** The first row that had this value in this column, or null (and this row is remembered). */
    Integer firstRowWith(String column, String value, int row) {
        return firstRows.computeIfAbsent(column, c -> new HashMap<>()).putIfAbsent(value, row);
    }

    void sawMonthFirst(String column, int row, String value) {
        monthFirst.putIfAbsent(column, "row " + row + " has '" + value + "'");
    }

    // ------------------------------------------------------------------ reading

    private CSVRecord nextRecord() throws IOException {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (!record.stream().allMatch(String::isBlank)) {
                    return record;
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof TooLargeException tooLarge) {
                throw tooLarge;
            }
            unreadable(e.getCause());
            return null;
        } catch (IllegalStateException e) {
            unreadable(e);
            return null;
        }
    }

    private void unreadable(Exception e) {
        int row = (int) parser.getRecordNumber() + 1;
        String why = e instanceof CharacterCodingException
                ? "The file is not UTF-8 text (the MIS or Excel saved it in another encoding, so accents would come out wrong). "
                        + "In Excel: File, Save As, CSV UTF-8; then upload that."
                : "The file cannot be read from row " + row + " on: a cell opens a quotation mark (\") that is never closed.";
        problems.add(new ImportReport.Problem(row, "file", why));
        finished = true;
    }

    private void finish() {
        finished = true;
        monthFirst.forEach((column, example) -> problems.add(new ImportReport.Problem(1, column, "Dates in '" + column
                + "' are read day first (31/12/2012) or as ISO (2012-12-31), but " + example + ", which is a date only month "
                + "first (US order). No date in the column can be trusted, so nothing was guessed: export the file again with "
                + "UK or ISO dates.")));
    }

    private void readHeader(CSVRecord header, List<Column> columns) {
        int row = (int) header.getRecordNumber();
        List<String> names = new ArrayList<>();
        for (String raw : header) {
            String problem = TextInput.problem(raw);
            if (problem != null) {
                problems.add(new ImportReport.Problem(row, "header", "A column name in the header row " + problem + "."));
                names.add("");
            } else {
                names.add(TextInput.normalise(raw));
            }
        }
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = names.size() - 1; i >= 0; i--) {
            byKey.put(key(names.get(i)), i);
        }
        String[] readAs = new String[names.size()];
        List<Column> missing = new ArrayList<>();
        for (Column column : columns) {
            Integer at = column.names().stream().map(n -> byKey.get(key(n))).filter(i -> i != null && readAs[i] == null)
                    .findFirst().orElse(null);
            if (at == null) {
                if (column.required()) {
                    missing.add(column);
                } else {
                    labels.put(column.name(), column.name());
                }
            } else {
                readAs[at] = column.name();
                index.put(column.name(), at);
                labels.put(column.name(), names.get(at));
            }
        }
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isBlank()) {
                columnsRead.add(new ImportReport.ColumnRead(names.get(i), readAs[i]));
            }
        }
        if (!missing.isEmpty()) {
            String fields = missing.stream().map(Column::name).collect(Collectors.joining(", "));
            problems.add(new ImportReport.Problem(row, fields, "The header row lacks column(s): " + fields + ". Names accepted: "
                    + missing.stream().map(Column::accepted).collect(Collectors.joining("; ")) + "."));
        }
        if (!problems.isEmpty()) {
            finished = true;
        }
    }

    /** Header names compare without case, spaces or punctuation: "Date of Birth", "DATE OF BIRTH", "D.O.B." and "DOB". */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /**
     * {@code ;} when the header row has more semicolons than commas outside quotes (as Excel writes
     * in many European locales), else {@code ,}.
     */
    static char delimiter(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        int commas = 0, semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** What a file that is not text looks like, from its first bytes; null for text. */
    static String binaryKind(byte[] head) {
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return "an Excel workbook (.xlsx) or another zip file";
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an old-style Excel workbook (.xls)";
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return "a PDF";
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF) || startsWith(head, 0x89, 'P', 'N', 'G')) {
            return "an image";
        }
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            return "UTF-16 text (what Excel calls \"Unicode Text\")";
        }
        for (byte b : head) {
            if (b == 0) {
                return "not text (it contains binary data)";
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int... signature) {
        if (head.length < signature.length) {
            return false;
        }
        byte[] start = Arrays.copyOf(head, signature.length);
        for (int i = 0; i < signature.length; i++) {
            if ((start[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
