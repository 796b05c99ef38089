package org.pastoralflow.forms;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person typed into a form (or an API client sent), with the errors found while reading
 * it. Readers collect every error before anything is written, so the form comes back with all
 * of them at once and the values the person typed.
 *
 * <p>Every text passes {@link TextInput} here, as it comes in, so no feature has to remember to:
 * a value with a control character (or a broken or invisible one) is refused with the reason and
 * the field's name, and is never handed to a reader; every other value is kept in NFC with
 * {@code \n} line ends. A JSON body ({@link #fromJson}) also carries the JSON type of each value,
 * and the typed readers refuse the wrong one: an object or a list where text is expected, a number
 * or true/false where text is expected, and text where a number or true/false is.
 */
public final class FormData {

    /** The JSON type of a value an API client sent; a page sends text only. */
    enum Sent {
        TEXT("text"), NUMBER("a number"), BOOLEAN("true or false"), LIST("a list"),
        OTHER_LIST("a list of values other than text"), OBJECT("an object");

        final String words;

        Sent(String words) {
            this.words = words;
        }
    }

    /** What a reader expects, and the JSON types that can stand for it. */
    private enum Expect {
        TEXT("text", List.of(Sent.TEXT)),
        NUMBER("a number", List.of(Sent.NUMBER)),
        BOOLEAN("true or false", List.of(Sent.BOOLEAN)),
        // optional() and required() hand out the raw value (a UPN, an id, the ticked options of a checkbox list)
        ANY_VALUE("text", List.of(Sent.TEXT, Sent.NUMBER, Sent.BOOLEAN, Sent.LIST));

        final String words;
        final List<Sent> accepted;

        Expect(String words, List<Sent> accepted) {
            this.words = words;
            this.accepted = accepted;
        }
    }

    /**
     * No field takes more than 20,000 characters; a value five times that is refused as it comes in,
     * whether or not a reader asks for it, so a megabyte in a field the form ignores is refused too
     * (the fields' own limits, all below this, still give their own message).
     */
    static final int LONGEST = 100_000;

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    /** Why a value was refused as text, by field: such a value is never handed to a reader. */
    private final Map<String, String> refused = new LinkedHashMap<>();
    /** The JSON type of each value, for a body from the API; empty for a page. */
    private final Map<String, Sent> sent = new LinkedHashMap<>();

    public FormData(Map<String, String> values) {
        values.forEach(this::accept);
    }

    private FormData() {
    }

    /**
     * A JSON object from the API (as Jackson reads it into a map). Text, numbers and true/false
     * are kept as the text a page would send ({@code 3}, {@code true}); a list of texts as the
     * ticked options of a checkbox list ({@code a,b}); an object is kept as nothing at all, so no
     * reader can take it for text, and refused by whichever reader asks for it.
     */
    public static FormData fromJson(Map<String, ?> body) {
        FormData data = new FormData();
        body.forEach((field, value) -> {
            if (value == null) {
                return;
            }
            Sent kind = kindOf(value);
            data.sent.put(field, kind);
            switch (kind) {
                case TEXT, NUMBER, BOOLEAN -> data.accept(field, String.valueOf(value));
                case LIST -> data.accept(field, String.join(",", ((List<?>) value).stream().map(String.class::cast).toList()));
                default -> {
                    // an object, or a list of them: no text to keep
                }
            }
        });
        return data;
    }

    private static Sent kindOf(Object value) {
        if (value instanceof String) {
            return Sent.TEXT;
        }
        if (value instanceof Number) {
            return Sent.NUMBER;
        }
        if (value instanceof Boolean) {
            return Sent.BOOLEAN;
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(String.class::isInstance) ? Sent.LIST : Sent.OTHER_LIST;
        }
        return Sent.OBJECT;
    }

    /**
     * Keeps a value as typed, in NFC; a value {@link TextInput} refuses is kept for showing again,
     * its refused characters as {@code U+FFFD}, and never handed to a reader.
     */
    private void accept(String field, String raw) {
        String problem = raw.length() > LONGEST
                ? String.format("is far too long (%,d characters; no field takes more than %,d)", raw.length(), LONGEST)
                : TextInput.problem(raw);
        if (problem == null) {
            values.put(field, TextInput.normalise(raw));
            return;
        }
        values.put(field, raw.length() > LONGEST ? "" : TextInput.shown(raw));
        refused.put(field, problem);
        // named by the field until a reader gives its label; an unread field still stops the form
        errors.put(field, nameOf(field) + " " + problem + ".");
    }

    public Map<String, String> values() {
        return values;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public String optional(String field) {
        return read(field, nameOf(field), Expect.ANY_VALUE);
    }

    public String required(String field, String label) {
        return required(field, label, Expect.ANY_VALUE);
    }

    private String required(String field, String label, Expect expect) {
        String v = read(field, label, expect);
        if (v == null && !refused.containsKey(field) && !wrongType(field, expect)) {
            reject(field, label + " is required.");
        }
        return v;
    }

    public String text(String field, String label, int maxLength, boolean required) {
        String v = required ? required(field, label, Expect.TEXT) : read(field, label, Expect.TEXT);
        if (v != null && v.length() > maxLength) {
            reject(field, label + " must be at most " + maxLength + " characters (it has " + v.length() + ").");
        }
        return v;
    }

    public String oneOf(String field, String label, Collection<String> allowed) {
        String v = required(field, label, Expect.TEXT);
        if (v != null && !allowed.contains(v)) {
            reject(field, label + " must be one of: " + String.join(", ", allowed) + ".");
            return null;
        }
        return v;
    }

    public boolean flag(String field) {
        String v = read(field, nameOf(field), Expect.BOOLEAN);
        return v != null && List.of("true", "on", "yes", "1").contains(v.toLowerCase());
    }

    public LocalDate date(String field, String label, boolean required) {
        String v = required ? required(field, label, Expect.TEXT) : read(field, label, Expect.TEXT);
        if (v == null) {
            return null;
        }
        LocalDate day = day(v);
        if (day == null) {
            reject(field, label + " must be a date like 23/11/2026.");
        }
        return day;
    }

    private static final java.util.regex.Pattern DAY_FIRST = java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    /**
     * A date as a browser's date field sends it ({@code 2026-11-23}) or as people in UK schools
     * write it, day first ({@code 23/11/2026}, {@code 3/9/2026}); null when it is neither or no such day.
     */
    public static LocalDate day(String v) {
        java.util.regex.Matcher m = DAY_FIRST.matcher(v);
        try {
            return m.matches()
                    ? LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)))
                    : LocalDate.parse(v);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    public LocalDateTime dateTime(String field, String label) {
        String v = required(field, label, Expect.TEXT);
        if (v == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            reject(field, label + " must be a date and time like 2026-11-23T10:15.");
            return null;
        }
    }

    public Integer integer(String field, String label, int min, int max, boolean required) {
        String v = required ? required(field, label, Expect.NUMBER) : read(field, label, Expect.NUMBER);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                reject(field, label + " must be between " + min + " and " + max + ".");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            reject(field, label + " must be a whole number.");
            return null;
        }
    }

    public void reject(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws when any reader found a problem; call it before writing anything. */
    public void throwIfInvalid() {
        if (hasErrors()) {
            throw new InvalidFormException(this);
        }
    }

    /**
     * The trimmed value, or null when it is empty, refused as text or of the wrong JSON type; the
     * last two are named with the reader's label, replacing the message made before the label was known.
     */
    private String read(String field, String label, Expect expect) {
        String problem = refused.get(field);
        if (problem != null) {
            errors.put(field, label + " " + problem + ".");
            return null;
        }
        if (wrongType(field, expect)) {
            errors.put(field, label + " must be " + expect.words + ", not " + sent.get(field).words + ".");
            return null;
        }
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private boolean wrongType(String field, Expect expect) {
        Sent kind = sent.get(field);
        return kind != null && !expect.accepted.contains(kind);
    }

    /** "parentInformedHow" as "Parent informed how", for a field read without a label. */
    static String nameOf(String field) {
        String words = field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ').toLowerCase().trim();
        return words.isEmpty() ? "A field" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
