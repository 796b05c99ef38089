package org.pastoralflow.settings;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;

/** A save that changes a setting the person may not change (a 403, each such field named). */
public class NotYoursToChange extends InvalidFormException {

    public NotYoursToChange(FormData data) {
        super(data);
    }
}
