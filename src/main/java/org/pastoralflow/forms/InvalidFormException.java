package org.pastoralflow.forms;

import org.pastoralflow.forms.FormData;

import java.util.Map;

/** A form or API payload with errors; carries the typed values so the form can be shown again. */
public class InvalidFormException extends RuntimeException {

    private final transient FormData data;

    public InvalidFormException(FormData data) {
        super("Invalid input: " + data.errors());
        this.data = data;
    }

    public static InvalidFormException of(String field, String message) {
        FormData data = new FormData(Map.of());
        data.reject(field, message);
        return new InvalidFormException(data);
    }

    public FormData data() {
        return data;
    }

    public Map<String, String> errors() {
        return data.errors();
    }
}
