package org.pastoralflow.retention;

import java.util.Map;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;
import org.springframework.stereotype.Component;

/** "Decide on records past retention": done only when every listed record has a decision. */
@Component
class RetentionTaskForm implements TaskForm {

    private final RetentionService retention;

    RetentionTaskForm(RetentionService retention) {
        this.retention = retention;
    }

    @Override
    public String key() {
        return "retention/decide";
    }

    @Override
    public String view() {
        return "retention/task";
    }

    @Override
    public Map<String, Object> model(TaskView task, Viewer viewer) {
        return Map.of("dueCount", retention.dueCount());
    }

    @Override
    public Map<String, Object> complete(TaskView task, FormData data, Viewer viewer) {
        long left = retention.dueCount();
        if (left > 0) {
            data.reject("decisions", left + (left == 1 ? " record is" : " records are")
                    + " still waiting for a decision. Destroy or hold each one first.");
        }
        data.throwIfInvalid();
        return Map.of();
    }
}
