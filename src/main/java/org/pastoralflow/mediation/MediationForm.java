package org.pastoralflow.mediation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;

/** A form of mediation.bpmn: fields, the rules between them, a write. One template renders them all. */
abstract class MediationForm implements TaskForm {

    private final String key;
    private final String title;
    private final List<FormField> fields;
    protected final MediationService mediations;
    private final CaseStore caseStore;

    MediationForm(String key, String title, List<FormField> fields, MediationService mediations, CaseStore caseStore) {
        this.key = key;
        this.title = title;
        this.fields = fields;
        this.mediations = mediations;
        this.caseStore = caseStore;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String view() {
        return "mediation/task";
    }

    @Override
    public Map<String, Object> model(TaskView task, Viewer viewer) {
        Mediation m = mediations.byReference(task.businessKey());
        Map<String, Object> model = new HashMap<>();
        model.put("formTitle", title);
        model.put("fields", fields);
        model.put("mediation", m);
        model.put("parties", mediations.partiesOf(m));
        model.put("names", mediations.studentsOf(m));
        model.put("intro", intro(m, task));
        model.put("history", mediations.history(m, viewer, "task " + key));
        Map<String, String> defaults = new HashMap<>();
        fields.stream().filter(f -> f.type().equals("date")).forEach(f -> defaults.put(f.name(), mediations.today().toString()));
        model.put("defaults", defaults);
        return model;
    }

    @Override
    public Map<String, Object> complete(TaskView task, FormData data, Viewer viewer) {
        Mediation m = mediations.byReference(task.businessKey());
        Map<String, String> v = FormField.readAll(data, fields);
        for (String day : List.of("on", "askedOn", "meetingOn")) {
            if (v.get(day) != null && LocalDate.parse(v.get(day)).isAfter(mediations.today())) {
                data.reject(day, "The date cannot be in the future.");
            }
        }
        return write(m, task, v, data, viewer);
    }

    abstract Map<String, Object> write(Mediation m, TaskView task, Map<String, String> v, FormData data, Viewer viewer);

    String intro(Mediation m, TaskView task) {
        if (task.studentId() == null) {
            return null;
        }
        Student s = mediations.studentsOf(m).get(task.studentId());
        return s == null ? null : "With " + s.displayName() + ".";
    }
}
