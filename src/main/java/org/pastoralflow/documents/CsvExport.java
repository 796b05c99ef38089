package org.pastoralflow.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV the application writes (dashboards, the data pack, the cohort board, subject access):
 * UTF-8 with a byte-order mark, without which Excel reads the file in the Windows code page and
 * shows "SiobhÃ¡n"; CRLF line ends and RFC 4180 quoting (commons-csv); and no cell a spreadsheet
 * would run as a formula.
 * <p>
 * Staff type places, outcomes and notes freely, and a cell such as {@code =HYPERLINK("https://…"&A2)}
 * would run when the file is opened (OWASP, "CSV Injection"). Following OWASP's rule, a text cell
 * that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is
 * written with a single quote in front, so the spreadsheet shows it as text. Numbers are not
 * touched: a cell holding a Java number is written as that number, and so is text that is nothing
 * but a number ({@code -3}, {@code +3}, {@code 12.5}), so a column of changes still adds up. A plain
 * number cannot call a function or another program, which is all the rule guards against;
 * {@code -2+3+cmd|...} is not a plain number and is neutralised.
 */
public final class CsvExport {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final StringBuilder text = new StringBuilder();
    private final CSVPrinter printer;

    public CsvExport() {
        try {
            printer = new CSVPrinter(text, CSVFormat.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CsvExport withHeader(List<String> columns) {
        return new CsvExport().row(columns);
    }

    public CsvExport row(List<?> cells) {
        try {
            printer.printRecord(cells.stream().map(CsvExport::cell).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CsvExport row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    /** The file: a byte-order mark, then the rows in UTF-8. */
    public byte[] toBytes() {
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = Arrays.copyOf(BOM, BOM.length + body.length);
        System.arraycopy(body, 0, file, BOM.length, body.length);
        return file;
    }

    static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Number ? value : neutralised(value.toString());
    }

    /** The text as a spreadsheet should show it: with a leading single quote when it would otherwise run as a formula. */
    public static String neutralised(String text) {
        if (text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0 || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }
}
