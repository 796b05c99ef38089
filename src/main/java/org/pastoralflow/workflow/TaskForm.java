package org.pastoralflow.workflow;

import org.pastoralflow.forms.InvalidFormException;

import org.pastoralflow.forms.FormData;

import java.util.Map;

import org.pastoralflow.security.Viewer;

/**
 * The form behind a user task, keyed by the form key in the model ({@code app:<key>}).
 * The same form serves the page and the API, so both validate and write the same way.
 */
public interface TaskForm {

    /** The form key without the {@code app:} prefix, e.g. {@code referral/dsl-review}. */
    String key();

    /** The Thymeleaf view that renders the form. */
    String view();

    /** What the page needs besides the task and the typed values (options, the record). */
    Map<String, Object> model(TaskView task, Viewer viewer);

    /**
     * Validates, writes the case store and returns the variables that complete the task.
     * Throws {@link InvalidFormException} before writing anything when the input is wrong.
     */
    Map<String, Object> complete(TaskView task, FormData data, Viewer viewer);
}
