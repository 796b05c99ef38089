package org.pastoralflow.investigation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;

/**
 * A form of investigation.bpmn: a list of {@link FormField}s for the task, the rules that tie them
 * together, and a write through {@link InvestigationRecording}. One template renders them all, with
 * the incident and its checklist above the form.
 */
abstract class IncidentForm implements TaskForm {

    private final String key;
    private final String title;
    protected final Investigations investigations;
    protected final InvestigationRecording recording;

    IncidentForm(String key, String title, Investigations investigations, InvestigationRecording recording) {
        this.key = key;
        this.title = title;
        this.investigations = investigations;
        this.recording = recording;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String view() {
        return "investigation/task";
    }

    @Override
    public Map<String, Object> model(TaskView task, Viewer viewer) {
        Incident i = investigations.byReference(task.businessKey());
        Map<String, Object> model = new HashMap<>(IncidentPage.model(i, viewer, investigations));
        model.put("formTitle", title);
        model.put("fields", fields(i, task));
        model.put("intro", intro(i, task));
        model.put("defaults", defaults(i));
        extra(i, task, model);
        return model;
    }

    @Override
    public Map<String, Object> complete(TaskView task, FormData data, Viewer viewer) {
        Incident i = investigations.byReference(task.businessKey());
        Map<String, String> values = FormField.readAll(data, fields(i, task));
        return write(i, task, values, data, viewer);
    }

    /** The fields, for this incident and task (a sanction per alleged perpetrator, say). */
    abstract List<FormField> fields(Incident i, TaskView task);

    /** Checks the rules between fields, then writes; throws before writing anything when the input is wrong. */
    abstract Map<String, Object> write(Incident i, TaskView task, Map<String, String> values, FormData data, Viewer viewer);

    /** A sentence above the form: what this step is for. */
    String intro(Incident i, TaskView task) {
        return null;
    }

    /** What a field shows before anything is typed: today for a date, now for a time. */
    Map<String, String> defaults(Incident i) {
        Map<String, String> d = new HashMap<>();
        java.time.LocalDateTime now = java.time.LocalDateTime.ofInstant(investigations.now(), investigations.zone()).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        for (FormField f : fields(i, null)) {
            switch (f.type()) {
                case "date" -> d.put(f.name(), now.toLocalDate().toString());
                case "datetime-local" -> d.put(f.name(), now.toString());
                default -> { }
            }
        }
        return d;
    }

    /** Anything else the page shows for this task. */
    void extra(Incident i, TaskView task, Map<String, Object> model) {
    }

    static void requireWhen(boolean condition, Map<String, String> values, FormData data, String field, String message) {
        if (condition && values.get(field) == null && !data.errors().containsKey(field)) {
            data.reject(field, message);
        }
    }
}
