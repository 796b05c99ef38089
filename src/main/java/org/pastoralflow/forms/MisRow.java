package org.pastoralflow.forms;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;

/**
 * One row of a {@link MisCsv}, read a cell at a time. Each read records what is wrong with the
 * cell against this row and the column as the file names it, and goes on: a row reports every
 * problem it has, not the first. Reads return null for a cell that is empty or refused.
 */
public final class MisRow {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})");
    private static final List<String> YES = List.of("Y", "YES", "TRUE");
    private static final List<String> NO = List.of("N", "NO", "FALSE");

    private final MisCsv file;
    private final CSVRecord record;
    private final int number;
    private final int problemsBefore;
    private final Map<String, String> cells = new HashMap<>();

    MisRow(MisCsv file, CSVRecord record, int number) {
        this.file = file;
        this.record = record;
        this.number = number;
        this.problemsBefore = file.problemCount();
    }

    /** The row as a spreadsheet numbers it: the header row is 1. */
    public int number() {
        return number;
    }

    public boolean hasProblems() {
        return file.problemCount() > problemsBefore;
    }

    public void problem(String column, String message) {
        file.add(new ImportReport.Problem(number, file.label(column), message));
    }

    /** The column's name as the file spells it, for messages. */
    public String label(String column) {
        return file.label(column);
    }

    /**
     * The cell, trimmed and in NFC; "" when empty, null when {@link TextInput} refuses it or it
     * holds a line break (no field of an import is more than one line).
     */
    public String cell(String column) {
        if (cells.containsKey(column)) {
            return cells.get(column);
        }
        String raw = file.cell(record, column);
        String refused = TextInput.problem(raw);
        String value = null;
        if (refused != null) {
            problem(column, label(column) + " " + refused + ".");
        } else if (raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0) {
            problem(column, label(column) + " has a line break in it; it should be one line.");
        } else {
            value = TextInput.normalise(raw);
        }
        cells.put(column, value);
        return value;
    }

    /** The text, or null when empty; a problem when required and empty or longer than {@code maxLength}. */
    public String text(String column, int maxLength, boolean required) {
        String v = cell(column);
        if (v == null) {
            return null;
        }
        if (v.isEmpty()) {
            if (required) {
                problem(column, label(column) + " is empty.");
            }
            return null;
        }
        if (v.length() > maxLength) {
            problem(column, label(column) + " is longer than " + maxLength + " characters.");
        }
        return v;
    }

    /** Y or N (also Yes/No, True/False, in any case); a problem otherwise. */
    public Boolean yesNo(String column) {
        String v = cell(column);
        if (v == null) {
            return null;
        }
        String upper = v.toUpperCase(Locale.ROOT);
        if (YES.contains(upper)) {
            return true;
        }
        if (NO.contains(upper)) {
            return false;
        }
        problem(column, label(column) + " '" + v + "' must be Y or N (or Yes or No).");
        return null;
    }

    /** A whole number; a problem when it is empty or not one. */
    public Integer whole(String column) {
        String v = cell(column);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            problem(column, label(column) + " '" + v + "' is not a whole number.");
            return null;
        }
    }

    /**
     * A date written day first as UK exports do ({@code 31/12/2012}, {@code 1/9/2014}; also with
     * {@code -} or {@code .}) or as ISO ({@code 2012-12-31}); never month first. A value that could
     * only be a date month first is a problem, and makes the whole column suspect (see
     * {@link MisCsv}): a US-ordered file is refused, not guessed at.
     */
    public LocalDate date(String column) {
        String v = cell(column);
        if (v == null) {
            return null;
        }
        String label = label(column);
        if (v.isEmpty()) {
            problem(column, label + " is empty.");
            return null;
        }
        Matcher iso = ISO.matcher(v);
        if (iso.matches()) {
            int year = Integer.parseInt(iso.group(1)), month = Integer.parseInt(iso.group(2));
            return date(column, v, year, month, Integer.parseInt(iso.group(3)));
        }
        Matcher uk = DAY_FIRST.matcher(v);
        if (!uk.matches()) {
            problem(column, label + " '" + v + "' is not a date: write it day first, like 31/12/2012, or as 2012-12-31.");
            return null;
        }
        int day = Integer.parseInt(uk.group(1)), month = Integer.parseInt(uk.group(2));
        if (uk.group(3).length() == 2) {
            problem(column, label + " '" + v + "' has a two-digit year: export the year in full, like 31/12/2012.");
            return null;
        }
        int year = Integer.parseInt(uk.group(3));
        if (month > 12 && day <= 12 && month <= 31) {
            file.sawMonthFirst(label, number, v);
            problem(column, label + " '" + v + "' is not a date read day first (there is no month " + month
                    + "); it looks month first (US order). Export the file with UK dates (day/month/year) or ISO dates.");
            return null;
        }
        return date(column, v, year, month, day);
    }

    private LocalDate date(String column, String v, int year, int month, int day) {
        if (month < 1 || month > 12) {
            problem(column, label(column) + " '" + v + "' is not a date: there is no month " + month + ".");
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            String monthName = Month.of(month).getDisplayName(TextStyle.FULL, Locale.UK);
            problem(column, label(column) + " '" + v + "' is not a date: " + monthName + " " + year + " has no day " + day + ".");
            return null;
        }
    }

    /**
     * Checks that no earlier row had this value in this column (a UPN twice in a file), whatever
     * else is wrong with either row.
     */
    public void unique(String column, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        Integer first = file.firstRowWith(column, value, number);
        if (first != null) {
            problem(column, label(column) + " " + value + " appears more than once in the file (first on row " + first + ").");
        }
    }
}
