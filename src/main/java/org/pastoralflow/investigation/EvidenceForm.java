package org.pastoralflow.investigation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.TaskView;

/**
 * An item of the evidence checklist (a student's statement, staff statements, CCTV, the Learning
 * Support Centre): done, with what it found and perhaps a scan attached, or not applicable with
 * the reason why. The content fields are required only when the item is done.
 */
class EvidenceForm extends IncidentForm {

    static final String STATUS = "status";
    static final String DONE = "done";
    static final String NOT_APPLICABLE = "not-applicable";
    static final String REASON = "reason";
    static final String ATTACHMENT = "attachment";
    /** Set by {@link InvestigationController} when a file came with the form and passed its checks. */
    static final String ATTACHMENT_ID = "attachmentId";

    private final CheckKind kind;
    private final String doneLabel;
    private final List<FormField> content;
    private final boolean attachable;
    private final String textField;
    private final BiFunction<Map<String, String>, String, String> detail;

    /**
     * @param textField the field that holds the statement itself, when a scan may stand in for it
     * @param detail    what is kept as the item's record, from the values and the attached file's name (or null)
     */
    EvidenceForm(String key, String title, CheckKind kind, String doneLabel, List<FormField> content, boolean attachable,
                 String textField, BiFunction<Map<String, String>, String, String> detail, Investigations investigations, InvestigationRecording recording) {
        super(key, title, investigations, recording);
        this.kind = kind;
        this.doneLabel = doneLabel;
        this.content = content;
        this.attachable = attachable;
        this.textField = textField;
        this.detail = detail;
    }

    @Override
    List<FormField> fields(Incident i, TaskView task) {
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.choice(STATUS, "Is this item done?", FormField.options(DONE, doneLabel, NOT_APPLICABLE,
                "Not applicable (say why below)")));
        content.forEach(f -> fields.add(f.optional()));
        if (attachable) {
            fields.add(FormField.file(ATTACHMENT, "Or attach a scan or photo of it")
                    .withHint("PDF, PNG or JPEG, up to " + investigations.attachmentLimitLabel() + "."));
        }
        fields.add(FormField.longText(REASON, "If not applicable: why").optional());
        return fields;
    }

    @Override
    String intro(Incident i, TaskView task) {
        if (kind == CheckKind.STUDENT_STATEMENT && task.studentId() != null) {
            Student s = investigations.studentsById(List.of(task.studentId())).get(task.studentId());
            IncidentStudent part = investigations.studentsIn(i).stream()
                    .filter(x -> x.getStudentId().equals(task.studentId())).findFirst().orElseThrow();
            return "The statement of " + s.displayName() + " (" + part.getPartLabel().toLowerCase() + "), in their own words.";
        }
        if (kind == CheckKind.CCTV) {
            return "The footage is overwritten on " + investigations.when(i.getCctvOverwrittenAt())
                    + ". Check it before then and save what is needed.";
        }
        return null;
    }

    @Override
    Map<String, Object> write(Incident i, TaskView task, Map<String, String> v, FormData data, Viewer viewer) {
        IncidentCheck item = investigations.check(i, kind, kind == CheckKind.STUDENT_STATEMENT ? task.studentId() : null);
        boolean done = DONE.equals(v.get(STATUS));
        String attached = attachedFileName(item, data);
        if (done) {
            for (FormField f : content) {
                boolean coveredByScan = f.name().equals(textField) && attached != null;
                requireWhen(f.required() && !coveredByScan, v, data, f.name(), f.label() + " is required.");
            }
            if (attachable && textField != null && v.get(textField) == null && attached == null
                    && !data.errors().containsKey(ATTACHMENT)) {
                data.reject(textField, "Type the statement, or attach a scan or photo of it.");
            }
        } else if (NOT_APPLICABLE.equals(v.get(STATUS))) {
            requireWhen(true, v, data, REASON, "Say why this item does not apply.");
            if (attached != null) {
                data.reject(ATTACHMENT, "A file is attached to an item marked not applicable: choose \u201c" + doneLabel
                        + "\u201d, or leave the file out.");
            }
        }
        data.throwIfInvalid();
        recording.recordCheck(i, item, done, done ? detail.apply(v, attached) : null, done ? null : v.get(REASON), viewer);
        return Map.of();
    }

    /** The name of the file attached with this submission, if it belongs to this very item. */
    private String attachedFileName(IncidentCheck item, FormData data) {
        String id = data.optional(ATTACHMENT_ID);
        if (id == null || !id.matches("\\d{1,18}")) {
            return null;
        }
        return investigations.attachment(Long.valueOf(id)).filter(a -> a.getCheckId().equals(item.getId()))
                .map(IncidentAttachment::getFileName).orElse(null);
    }

    static String joined(String... parts) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k + 1 < parts.length; k += 2) {
            if (parts[k + 1] != null) {
                b.append(b.isEmpty() ? "" : "\n").append(parts[k]).append(parts[k + 1]);
            }
        }
        return b.toString();
    }
}
