package org.pastoralflow.student;

import java.util.Locale;
import java.util.regex.Pattern;

import org.pastoralflow.forms.MisRow;

/**
 * The Unique Pupil Number: a check letter followed by 12 characters (LA code, establishment
 * number, year of allocation, serial; the last may be a letter in a temporary UPN). The check
 * letter follows the DfE algorithm: each of characters 2-13 is weighted 2..13, the sum is taken
 * modulo 23 and looked up in the 23 letters without I, O and S.
 */
public final class Upn {

    static final String LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
    private static final Pattern SHAPE = Pattern.compile("[A-Z][0-9]{11}[0-9A-Z]");

    private Upn() {
    }

    /** Null when the UPN is valid, otherwise what is wrong with it in words a data manager understands. */
    public static String problem(String upn) {
        if (upn == null || upn.isBlank()) {
            return "UPN is missing.";
        }
        if (!SHAPE.matcher(upn).matches()) {
            return "UPN '" + upn + "' must be 13 characters: a letter, 11 digits, then a digit or letter.";
        }
        char expected = checkLetter(upn.substring(1));
        if (upn.charAt(0) != expected) {
            return "UPN '" + upn + "' has check letter " + upn.charAt(0) + " but its digits give " + expected
                    + ": it was probably mistyped.";
        }
        return null;
    }

    /**
     * The UPN in a column of a MIS export, in capitals; null, with the problem recorded, when it is
     * not a valid one. A valid UPN an earlier row already had is a problem too.
     */
    public static String read(MisRow row, String column) {
        String v = row.cell(column);
        if (v == null) {
            return null;
        }
        String upn = v.toUpperCase(Locale.ROOT);
        String problem = problem(upn);
        if (problem != null) {
            row.problem(column, problem);
            return null;
        }
        row.unique(column, upn);
        return upn;
    }

    public static boolean isValid(String upn) {
        return problem(upn) == null;
    }

    static char checkLetter(String twelve) {
        int sum = 0;
        for (int i = 0; i < twelve.length(); i++) {
            char c = twelve.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : LETTERS.indexOf(c);
            sum += value * (i + 2);
        }
        return LETTERS.charAt(sum % 23);
    }
}
