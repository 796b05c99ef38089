package org.pastoralflow.forms;

import org.pastoralflow.forms.FormData;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of a data-driven task form: the {@code forms :: field} fragment renders it and
 * {@link #readAll} checks it, so a form is a list of these plus the rules that tie fields together.
 * Types: text, textarea, date, time, datetime-local, number, radio, checkbox, select, file.
 */
public record FormField(String name, String label, String type, boolean required, Map<String, String> options, String hint) {

    public static FormField text(String name, String label) {
        return new FormField(name, label, "text", true, Map.of(), null);
    }

    public static FormField longText(String name, String label) {
        return new FormField(name, label, "textarea", true, Map.of(), null);
    }

    public static FormField date(String name, String label) {
        return new FormField(name, label, "date", true, Map.of(), null);
    }

    public static FormField time(String name, String label) {
        return new FormField(name, label, "time", true, Map.of(), null);
    }

    public static FormField dateTime(String name, String label) {
        return new FormField(name, label, "datetime-local", true, Map.of(), null);
    }

    public static FormField number(String name, String label) {
        return new FormField(name, label, "number", true, Map.of(), null);
    }

    public static FormField choice(String name, String label, Map<String, String> options) {
        return new FormField(name, label, "radio", true, options, null);
    }

    public static FormField select(String name, String label, Map<String, String> options) {
        return new FormField(name, label, "select", true, options, null);
    }

    public static FormField checks(String name, String label, Map<String, String> options) {
        return new FormField(name, label, "checkbox", true, options, null);
    }

    public static FormField file(String name, String label) {
        return new FormField(name, label, "file", false, Map.of(), null);
    }

    /** The answer to a yes-or-no question. */
    public static final Map<String, String> YES_NO = Collections.unmodifiableMap(options("yes", "Yes", "no", "No"));

    /** Options in the order given: code, label, code, label, ... */
    public static Map<String, String> options(String... codeLabel) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < codeLabel.length; i += 2) {
            m.put(codeLabel[i], codeLabel[i + 1]);
        }
        return m;
    }

    public FormField optional() {
        return new FormField(name, label, type, false, options, hint);
    }

    public FormField withHint(String text) {
        return new FormField(name, label, type, required, options, text);
    }

    public boolean isChoice() {
        return type.equals("radio") || type.equals("checkbox");
    }

    /**
     * Reads every field (files excepted: they come as parts), collecting every error; returns the
     * trimmed values by name, null where empty or wrong. Call {@link FormData#throwIfInvalid()} after
     * any cross-field rules.
     */
    public static Map<String, String> readAll(FormData data, List<FormField> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField f : fields) {
            String v = switch (f.type) {
                case "file" -> null;
                case "date" -> {
                    var d = data.date(f.name, f.label, f.required);
                    yield d == null ? null : d.toString();
                }
                case "datetime-local" -> {
                    if (!f.required && data.optional(f.name) == null) {
                        yield null;
                    }
                    var t = data.dateTime(f.name, f.label);
                    yield t == null ? null : t.toString();
                }
                case "time" -> time(data, f);
                case "number" -> {
                    Integer n = data.integer(f.name, f.label, 0, 100_000, f.required);
                    yield n == null ? null : n.toString();
                }
                case "radio", "select" -> f.required ? data.oneOf(f.name, f.label, f.options.keySet()) : optionalOneOf(data, f);
                case "checkbox" -> checks(data, f);
                default -> data.text(f.name, f.label, f.type.equals("textarea") ? 20000 : 300, f.required);
            };
            values.put(f.name, v);
        }
        return values;
    }

    private static String time(FormData data, FormField f) {
        String v = f.required ? data.required(f.name, f.label) : data.optional(f.name);
        if (v == null) {
            return null;
        }
        try {
            return LocalTime.parse(v).toString();
        } catch (DateTimeParseException e) {
            data.reject(f.name, f.label + " must be a time like 10:15.");
            return null;
        }
    }

    private static String optionalOneOf(FormData data, FormField f) {
        String v = data.optional(f.name);
        if (v != null && !f.options.containsKey(v)) {
            data.reject(f.name, f.label + ": choose from the list.");
            return null;
        }
        return v;
    }

    private static String checks(FormData data, FormField f) {
        String all = f.required ? data.required(f.name, f.label) : data.optional(f.name);
        if (all != null && !f.options.keySet().containsAll(List.of(all.split(",")))) {
            data.reject(f.name, f.label + ": choose from the list.");
            return null;
        }
        return all;
    }
}
