package org.pastoralflow.oncall;

import java.util.Map;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;
import org.springframework.stereotype.Component;

/** "Respond to the call": how it ended. */
@Component
class RespondForm implements TaskForm {

    private final OncallService oncall;

    RespondForm(OncallService oncall) {
        this.oncall = oncall;
    }

    @Override
    public String key() {
        return "oncall/respond";
    }

    @Override
    public String view() {
        return "oncall/respond";
    }

    @Override
    public Map<String, Object> model(TaskView task, Viewer viewer) {
        return Map.of("call", oncall.byReference(task.businessKey()), "outcomes", OncallService.OUTCOMES);
    }

    @Override
    public Map<String, Object> complete(TaskView task, FormData data, Viewer viewer) {
        String outcome = data.oneOf("outcome", "Outcome", OncallService.OUTCOMES.keySet());
        String notes = data.text("notes", "Notes", 5000, false);
        data.throwIfInvalid();
        oncall.close(oncall.byReference(task.businessKey()), outcome, notes, viewer);
        return Map.of();
    }
}
