package org.pastoralflow.forms;

import java.text.Normalizer;

/**
 * The one normaliser for text that comes in from outside: forms, the JSON API and the MIS imports.
 * Text is kept in Unicode NFC (so "Siobhán" typed on a Mac and exported by a MIS compare equal),
 * line ends become {@code \n}, and characters that no person types are refused with a reason:
 * control characters other than tab and line ends (a NUL breaks PostgreSQL's text type), lone
 * surrogates, non-characters, and the invisible direction overrides that make text read
 * differently from what it holds.
 */
public final class TextInput {

    private TextInput() {
    }

    /** Why this text cannot be accepted, in words for the person who sent it; null when it can. */
    public static String problem(String raw) {
        if (raw == null) {
            return null;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "contains a broken character (an unpaired surrogate at position " + (i + 1) + ")";
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                return "contains a control character (" + codePoint(c) + " at position " + (i + 1) + ")";
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                return "contains a character that is not text (" + codePoint(c) + " at position " + (i + 1) + ")";
            }
            if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                return "contains an invisible text-direction control (" + codePoint(c) + " at position " + (i + 1) + ")";
            }
        }
        return null;
    }

    /** The text in NFC with {@code \n} line ends; call after {@link #problem} found nothing. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String lines = raw.indexOf('\r') < 0 ? raw : raw.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.isNormalized(lines, Normalizer.Form.NFC) ? lines : Normalizer.normalize(lines, Normalizer.Form.NFC);
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
