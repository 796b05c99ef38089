package org.pastoralflow.attendance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;

/**
 * The forms of attendance.bpmn: each is a list of {@link Field}s, checked the same way, and a
 * write to the case store. One template renders them all.
 */
abstract class AttendanceForm implements TaskForm {

    private final String key;
    private final String title;
    private final List<Field> fields;
    protected final AttendanceService attendance;
    protected final CaseStore caseStore;

    AttendanceForm(String key, String title, List<Field> fields, AttendanceService attendance, CaseStore caseStore) {
        this.key = key;
        this.title = title;
        this.fields = fields;
        this.attendance = attendance;
        this.caseStore = caseStore;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String view() {
        return "attendance/form";
    }

    @Override
    public Map<String, Object> model(TaskView task, Viewer viewer) {
        AttendanceConcern c = concern(task);
        Map<String, Object> model = new HashMap<>();
        model.put("formTitle", title);
        model.put("fields", fields);
        model.put("concern", c);
        model.put("figures", attendance.latest(c.getStudentId()));
        model.put("history", caseStore.aboutRecord(AttendanceProcess.SOURCE_TYPE, c.getId(), viewer, c.getStudentId(), "task " + key));
        return model;
    }

    @Override
    public Map<String, Object> complete(TaskView task, FormData data, Viewer viewer) {
        Map<String, String> values = new HashMap<>();
        for (Field f : fields) {
            String v = switch (f.type()) {
                case "date" -> {
                    LocalDate d = data.date(f.name(), f.label(), f.required());
                    if (d != null && d.isAfter(attendance.today())) {
                        data.reject(f.name(), f.label() + " cannot be in the future.");
                    }
                    yield d == null ? null : d.toString();
                }
                case "radio" -> data.oneOf(f.name(), f.label(), f.options().keySet());
                case "checkbox" -> {
                    String all = data.required(f.name(), f.label());
                    if (all != null && !f.options().keySet().containsAll(List.of(all.split(",")))) {
                        data.reject(f.name(), f.label() + ": choose from the list.");
                    }
                    yield all;
                }
                default -> data.text(f.name(), f.label(), f.type().equals("textarea") ? 20000 : 300, f.required());
            };
            values.put(f.name(), v);
        }
        data.throwIfInvalid();
        return write(concern(task), values, viewer);
    }

    /** Writes the case store; returns the variables that complete the task. */
    protected abstract Map<String, Object> write(AttendanceConcern concern, Map<String, String> values, Viewer viewer);

    private AttendanceConcern concern(TaskView task) {
        return attendance.concernByReference(task.businessKey());
    }
}
