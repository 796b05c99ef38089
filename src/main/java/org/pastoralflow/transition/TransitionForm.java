package org.pastoralflow.transition;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;

/**
 * A form of transition.bpmn: the fields, the rules between them and a write through
 * {@link TransitionRecording}. One template renders them all, with the incoming student, their
 * milestones and what has been recorded above the form.
 */
abstract class TransitionForm implements TaskForm {

    static final Map<String, String> YES_NO = FormField.options("yes", "Yes", "no", "No");

    private final String key;
    private final String title;
    private final List<FormField> fields;
    protected final Transitions transitions;
    protected final TransitionRecording recording;

    TransitionForm(String key, String title, List<FormField> fields, Transitions transitions, TransitionRecording recording) {
        this.key = key;
        this.title = title;
        this.fields = fields;
        this.transitions = transitions;
        this.recording = recording;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String view() {
        return "transition/task";
    }

    @Override
    public Map<String, Object> model(TaskView task, Viewer viewer) {
        Transition t = transitions.byReference(task.businessKey());
        Map<String, Object> model = new HashMap<>(TransitionPage.model(t, viewer, transitions, "task " + key));
        model.put("formTitle", title);
        model.put("fields", fields);
        model.put("intro", intro(t));
        Map<String, String> defaults = new HashMap<>();
        fields.stream().filter(f -> f.type().equals("date")).forEach(f -> defaults.put(f.name(), transitions.today().toString()));
        model.put("defaults", defaults);
        return model;
    }

    @Override
    public Map<String, Object> complete(TaskView task, FormData data, Viewer viewer) {
        Transition t = transitions.byReference(task.businessKey());
        Map<String, String> v = FormField.readAll(data, fields);
        for (FormField f : fields) {
            if (f.type().equals("date") && v.get(f.name()) != null && LocalDate.parse(v.get(f.name())).isAfter(transitions.today())) {
                data.reject(f.name(), f.label() + " cannot be in the future.");
            }
        }
        return write(t, v, data, viewer);
    }

    /** Checks the rules between fields, then writes; throws before writing anything when the input is wrong. */
    abstract Map<String, Object> write(Transition t, Map<String, String> v, FormData data, Viewer viewer);

    String intro(Transition t) {
        return null;
    }

    static LocalDate day(Map<String, String> v, String field) {
        return v.get(field) == null ? null : LocalDate.parse(v.get(field));
    }

    static void requiredWhen(boolean condition, Map<String, String> v, FormData data, String field, String message) {
        if (condition && v.get(field) == null && !data.errors().containsKey(field)) {
            data.reject(field, message);
        }
    }
}
