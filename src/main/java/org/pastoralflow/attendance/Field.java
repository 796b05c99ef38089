package org.pastoralflow.attendance;

import java.util.Map;

/** One field of a data-driven attendance form: the template renders it, {@link AttendanceForm} checks it. */
public record Field(String name, String label, String type, boolean required, Map<String, String> options) {

    static Field date(String name, String label) {
        return new Field(name, label, "date", true, Map.of());
    }

    static Field text(String name, String label, boolean required) {
        return new Field(name, label, "text", required, Map.of());
    }

    static Field longText(String name, String label) {
        return new Field(name, label, "textarea", true, Map.of());
    }

    static Field choice(String name, String label, Map<String, String> options) {
        return new Field(name, label, "radio", true, options);
    }

    static Field checks(String name, String label, Map<String, String> options) {
        return new Field(name, label, "checkbox", true, options);
    }
}
