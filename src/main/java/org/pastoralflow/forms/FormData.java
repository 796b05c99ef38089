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
 */
public final class FormData {

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public FormData(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    public Map<String, String> values() {
        return values;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public String optional(String field) {
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public String required(String field, String label) {
        String v = optional(field);
        if (v == null) {
            reject(field, label + " is required.");
        }
        return v;
    }

    public String text(String field, String label, int maxLength, boolean required) {
        String v = required ? required(field, label) : optional(field);
        if (v != null && v.length() > maxLength) {
            reject(field, label + " must be at most " + maxLength + " characters (it has " + v.length() + ").");
        }
        return v;
    }

    public String oneOf(String field, String label, Collection<String> allowed) {
        String v = required(field, label);
        if (v != null && !allowed.contains(v)) {
            reject(field, label + " must be one of: " + String.join(", ", allowed) + ".");
            return null;
        }
        return v;
    }

    public boolean flag(String field) {
        String v = optional(field);
        return v != null && List.of("true", "on", "yes", "1").contains(v.toLowerCase());
    }

    public LocalDate date(String field, String label, boolean required) {
        String v = required ? required(field, label) : optional(field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            reject(field, label + " must be a date like 2026-11-23.");
            return null;
        }
    }

    public LocalDateTime dateTime(String field, String label) {
        String v = required(field, label);
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
        String v = required ? required(field, label) : optional(field);
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
}
