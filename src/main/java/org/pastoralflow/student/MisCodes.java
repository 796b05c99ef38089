package org.pastoralflow.student;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pastoralflow.forms.MisRow;

/**
 * The codes the student and allocation imports store, read from the ways MIS exports write them:
 * SEN status as the DfE's code (N, K, E) or its words, gender as a letter or a word, the year group
 * as a number or "Year 8". See docs/operations.md, "What the imports accept".
 */
public final class MisCodes {

    private static final Map<String, String> SEN_WORDS = Map.of(
            "NO SPECIAL EDUCATIONAL NEED", "N", "NO SEN", "N", "NONE", "N",
            "SEN SUPPORT", "K",
            "EHC PLAN", "E", "EHCP", "E", "EDUCATION, HEALTH AND CARE PLAN", "E", "EDUCATION HEALTH AND CARE PLAN", "E");
    private static final Pattern YEAR = Pattern.compile("(?:YEAR|YR|Y|NC YEAR)?\\s*0*(\\d{1,2})");

    private MisCodes() {
    }

    /** N, K or E; null with a problem for anything else. */
    public static String senStatus(MisRow row, String column) {
        String v = row.cell(column);
        if (v == null) {
            return null;
        }
        if (v.isEmpty()) {
            row.problem(column, row.label(column) + " is empty.");
            return null;
        }
        String upper = v.toUpperCase(Locale.ROOT);
        if (upper.equals("N") || upper.equals("K") || upper.equals("E")) {
            return upper;
        }
        String code = SEN_WORDS.get(upper);
        if (code == null) {
            row.problem(column, row.label(column) + " '" + v + "' must be N, K or E (no SEN, SEN support, EHC plan).");
        }
        return code;
    }

    /** M or F (also Male, Female), or empty (null); a problem for anything else. */
    public static String gender(MisRow row, String column) {
        String v = row.cell(column);
        if (v == null || v.isEmpty()) {
            return null;
        }
        String upper = v.toUpperCase(Locale.ROOT);
        if (upper.equals("M") || upper.equals("MALE")) {
            return "M";
        }
        if (upper.equals("F") || upper.equals("FEMALE")) {
            return "F";
        }
        row.problem(column, row.label(column) + " '" + v + "' must be M, F (or Male, Female) or empty.");
        return null;
    }

    /** A year group from 1 to 14, written 8, 08, Year 8, Yr 8 or Y8; null with a problem otherwise. */
    public static Integer yearGroup(MisRow row, String column) {
        String v = row.cell(column);
        if (v == null) {
            return null;
        }
        if (v.isEmpty()) {
            row.problem(column, row.label(column) + " is empty.");
            return null;
        }
        Matcher m = YEAR.matcher(v.toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            row.problem(column, row.label(column) + " '" + v + "' is not a number.");
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1 || year > 14) {
            row.problem(column, row.label(column) + " " + year + " is not a year group (1 to 14).");
            return null;
        }
        return year;
    }
}
