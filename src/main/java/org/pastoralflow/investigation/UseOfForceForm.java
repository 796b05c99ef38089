package org.pastoralflow.investigation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.TaskView;
import org.springframework.stereotype.Component;

/**
 * "Complete the use-of-force record and tell parents" (DfE, Use of reasonable force, 2013): the
 * record of what happened, and parents told the same day. Not applicable only when force was
 * not used after all, with the reason it was logged.
 */
@Component
class UseOfForceForm extends IncidentForm {

    static final Map<String, String> FORCE_TYPES = FormField.options(
            "guiding", "Guiding or escorting (by the arm, the hand, the back)",
            "holding", "Holding",
            "restraint", "Restraint (holding a student back, or down)",
            "other", "Other (describe below)");
    static final Map<String, String> REASONS = FormField.options(
            "injury", "To prevent the student hurting themselves or others",
            "offence", "To prevent an offence being committed",
            "damage", "To prevent damage to property",
            "disorder", "To prevent behaviour that disrupts good order and discipline");
    static final String STATUS = "status";
    static final String RECORDED = "recorded";
    static final String NOT_USED = "not-used";

    private final String[] contentNames = {"forceOn", "staffNames", "occurredAt", "place", "leadUp", "deEscalation", "forceType",
            "forceDescription", "durationMinutes", "forceReason", "injuries", "supportAfter", "parentsToldAt", "parentsToldBy",
            "parentsToldHow", "parentsToldWhat"};

    UseOfForceForm(Investigations investigations, InvestigationRecording recording) {
        super("investigation/use-of-force", "Use-of-force record", investigations, recording);
    }

    @Override
    List<FormField> fields(Incident i, TaskView task) {
        Map<String, String> students = new LinkedHashMap<>();
        Map<Long, Student> byId = investigations.studentsById(investigations.studentsOf(i.getId()));
        for (IncidentStudent s : investigations.studentsIn(i)) {
            Student st = byId.get(s.getStudentId());
            students.put(s.getStudentId().toString(), st.displayName() + " (SEN status: " + senLabel(st) + ")");
        }
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.choice(STATUS, "Record", FormField.options(RECORDED, "Force was used: record it",
                NOT_USED, "Force was not used after all (say why it was logged, at the end)")));
        fields.add(FormField.checks("forceOn", "The student or students force was used on", students).optional());
        fields.add(FormField.text("staffNames", "Member(s) of staff who used force").optional());
        fields.add(FormField.dateTime("occurredAt", "When").optional());
        fields.add(FormField.text("place", "Where").optional());
        fields.add(FormField.longText("leadUp", "What led up to it").optional());
        fields.add(FormField.longText("deEscalation", "What was tried first to calm the situation (de-escalation)").optional());
        fields.add(FormField.select("forceType", "Type of force", FORCE_TYPES).optional());
        fields.add(FormField.longText("forceDescription", "What was done, exactly").optional());
        fields.add(FormField.number("durationMinutes", "How long, in minutes").optional());
        fields.add(FormField.select("forceReason", "Why force was needed", REASONS).optional());
        fields.add(FormField.longText("injuries", "Injuries to anyone (write \u201cnone\u201d if none)").optional());
        fields.add(FormField.longText("supportAfter", "Support for the student afterwards (and for the staff involved)").optional());
        fields.add(FormField.dateTime("parentsToldAt", "When the parents were told").optional()
                .withHint("Parents are told the same day."));
        fields.add(FormField.text("parentsToldBy", "Who told them, and who they spoke to").optional());
        fields.add(FormField.choice("parentsToldHow", "How", InvestigationRecording.CONTACT_METHODS).optional());
        fields.add(FormField.longText("parentsToldWhat", "What they were told").optional());
        fields.add(FormField.longText("lateReason", "If parents were not told on the day: why").optional());
        fields.add(FormField.longText("notUsedReason", "If force was not used after all: why it was logged").optional());
        return fields;
    }

    static String senLabel(Student s) {
        String sen = s.getSenStatus() == null ? "N" : s.getSenStatus();
        return switch (sen) {
            case "K" -> "SEN support";
            case "E" -> "EHC plan";
            default -> "no SEN";
        };
    }

    @Override
    Map<String, String> defaults(Incident i) {
        Map<String, String> d = super.defaults(i);
        d.put("occurredAt", java.time.LocalDateTime.ofInstant(i.getOccurredAt(), investigations.zone()).toString());
        d.put("place", i.getLocation());
        return d;
    }

    @Override
    String intro(Incident i, TaskView task) {
        return "Record it while it is fresh, with the member of staff who used force, and tell the parents today.";
    }

    @Override
    Map<String, Object> write(Incident i, TaskView task, Map<String, String> v, FormData data, Viewer viewer) {
        boolean recorded = RECORDED.equals(v.get(STATUS));
        if (NOT_USED.equals(v.get(STATUS))) {
            requireWhen(true, v, data, "notUsedReason", "Say why the incident was logged with force used.");
            data.throwIfInvalid();
            recording.recordCheck(i, investigations.check(i, CheckKind.USE_OF_FORCE, null), false, null,
                    v.get("notUsedReason"), viewer);
            return Map.of();
        }
        if (recorded) {
            for (String name : contentNames) {
                requireWhen(true, v, data, name, labelOf(i, task, name) + " is required.");
            }
            LocalDateTime told = v.get("parentsToldAt") == null ? null : LocalDateTime.parse(v.get("parentsToldAt"));
            LocalDateTime used = v.get("occurredAt") == null ? null : LocalDateTime.parse(v.get("occurredAt"));
            if (told != null && used != null && told.isBefore(used)) {
                data.reject("parentsToldAt", "Parents cannot have been told before force was used.");
            }
            if (told != null && used != null && !told.toLocalDate().equals(used.toLocalDate())) {
                requireWhen(true, v, data, "lateReason", "Parents were not told on the day: say why.");
            }
            if (told != null && told.toLocalDate().isAfter(LocalDate.ofInstant(investigations.now(), investigations.zone()))) {
                data.reject("parentsToldAt", "When the parents were told cannot be in the future.");
            }
        }
        data.throwIfInvalid();
        List<Long> on = new ArrayList<>();
        for (String id : v.get("forceOn").split(",")) {
            on.add(Long.valueOf(id));
        }
        String what = v.get("parentsToldWhat") + (v.get("lateReason") == null ? "" : "\n\nNot told on the day because: " + v.get("lateReason"));
        recording.recordUseOfForce(i, new InvestigationRecording.ForceInput(on, v.get("staffNames"), instant(v.get("occurredAt")),
                v.get("place"), v.get("leadUp"), v.get("deEscalation"), v.get("forceType"), v.get("forceDescription"),
                Integer.parseInt(v.get("durationMinutes")), v.get("forceReason"), v.get("injuries"), v.get("supportAfter"),
                instant(v.get("parentsToldAt")), v.get("parentsToldBy"), v.get("parentsToldHow"), what), viewer);
        return Map.of();
    }

    private Instant instant(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(investigations.zone()).toInstant();
    }

    private String labelOf(Incident i, TaskView task, String name) {
        return fields(i, task).stream().filter(f -> f.name().equals(name)).map(FormField::label).findFirst().orElse(name);
    }
}
