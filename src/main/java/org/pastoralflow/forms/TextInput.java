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

    /** What is shown instead of a refused character when a form comes back: the sign browsers use for one. */
    static final char REPLACEMENT = '\uFFFD';

    private TextInput() {
    }

    /** Why this text cannot be accepted, in words for the person who sent it; null when it can. */
    public static String problem(String raw) {
        if (raw == null) {
            return null;
        }
        for (int i = 0; i < raw.length(); i++) {
            if (isPair(raw, i)) {
                i++;
                continue;
            }
            String why = refused(raw.charAt(i));
            if (why != null) {
                return why.replace("%s", codePoint(raw.charAt(i))).replace("%d", String.valueOf(i + 1));
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

    /**
     * Refused text as a form shows it again: each refused character replaced by {@code U+FFFD}, so
     * the person sees where it was and nothing that reads the value (a search for the UPN typed,
     * the page itself) is handed the character that was refused.
     */
    public static String shown(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            if (isPair(raw, i)) {
                out.append(raw, i, i + 2);
                i++;
            } else {
                out.append(refused(raw.charAt(i)) == null ? raw.charAt(i) : REPLACEMENT);
            }
        }
        return out.toString();
    }

    private static boolean isPair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    /** Why one character (not part of a surrogate pair) is refused, with %s for its code point and %d its position. */
    private static String refused(char c) {
        if (Character.isSurrogate(c)) {
            return "contains a broken character (an unpaired surrogate at position %d)";
        }
        if (c == '\t' || c == '\n' || c == '\r') {
            return null;
        }
        if (Character.getType(c) == Character.CONTROL) {
            return "contains a control character (%s at position %d)";
        }
        if (c == '\uFFFE' || c == '\uFFFF') {
            return "contains a character that is not text (%s at position %d)";
        }
        if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
            return "contains an invisible text-direction control (%s at position %d)";
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
