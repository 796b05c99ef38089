package org.pastoralflow.investigation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.FieldTaskForm;
import org.pastoralflow.workflow.FieldTaskForm.Submission;
import org.pastoralflow.workflow.FormSet;
import org.pastoralflow.workflow.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The forms of the evidence checklist's items, by form key: a student's statement, staff
 * statements, CCTV, the Learning Support Centre, and the use-of-force record. An item is done, with
 * what it found and perhaps a scan attached, or not applicable with the reason why; its content
 * fields are required only when it is done. They share the page of {@link InvestigationForms}.
 */
@Configuration
class ChecklistForms {

    static final String STATUS = "status";
    static final String DONE = "done";
    static final String NOT_APPLICABLE = "not-applicable";
    static final String REASON = "reason";
    static final String ATTACHMENT = "attachment";
    /** Set by {@link InvestigationController} when a file came with the form and passed its checks. */
    static final String ATTACHMENT_ID = "attachmentId";

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
    static final String RECORDED = "recorded";
    static final String NOT_USED = "not-used";
    private static final List<String> FORCE_RECORD = List.of("forceOn", "staffNames", "occurredAt", "place", "leadUp", "deEscalation",
            "forceType", "forceDescription", "durationMinutes", "forceReason", "injuries", "supportAfter", "parentsToldAt",
            "parentsToldBy", "parentsToldHow", "parentsToldWhat");

    private final Investigations investigations;
    private final InvestigationRecording recording;
    private final FormSet<Incident> forms;

    ChecklistForms(Investigations investigations, InvestigationRecording recording) {
        this.investigations = investigations;
        this.recording = recording;
        this.forms = InvestigationForms.formSet(investigations);
    }

    @Bean
    TaskForm statementForm() {
        return evidenceForm("investigation/statement", "Statement from the student", CheckKind.STUDENT_STATEMENT,
                "Statement taken", List.of(
                        FormField.date("takenOn", "Date the statement was taken"),
                        FormField.text("takenBy", "Taken by (and anyone else present)"),
                        FormField.longText("statement", "The statement, in the student's own words")
                                .withHint("Type it here, or attach a scan or photo of the written statement below.")),
                true, "statement")
                .withIntro((i, task) -> {
                    if (task.studentId() == null) {
                        return null;
                    }
                    Student s = investigations.studentsById(List.of(task.studentId())).get(task.studentId());
                    IncidentStudent part = investigations.studentsIn(i).stream()
                            .filter(x -> x.getStudentId().equals(task.studentId())).findFirst().orElseThrow();
                    return "The statement of " + s.displayName() + " (" + part.getPartLabel().toLowerCase() + "), in their own words.";
                })
                .completes(recorded(CheckKind.STUDENT_STATEMENT, (v, file) -> joined("Taken on ", v.get("takenOn"),
                        "Taken by ", v.get("takenBy"), "", v.get("statement"), "Attached: ", file)));
    }

    @Bean
    TaskForm staffStatementsForm() {
        return evidenceForm("investigation/staff-statements", "Statements from staff", CheckKind.STAFF_STATEMENTS,
                "Statements taken", List.of(
                        FormField.text("staff", "From whom"),
                        FormField.longText("statement", "What they saw and did")
                                .withHint("Type it here, or attach a scan of the written statements below.")),
                true, "statement")
                .completes(recorded(CheckKind.STAFF_STATEMENTS,
                        (v, file) -> joined("From: ", v.get("staff"), "", v.get("statement"), "Attached: ", file)));
    }

    @Bean
    TaskForm cctvForm() {
        return evidenceForm("investigation/cctv", "Check the CCTV", CheckKind.CCTV, "CCTV checked", List.of(
                        FormField.longText("found", "What the footage shows"),
                        FormField.choice("saved", "Footage saved for the investigation?",
                                FormField.options("yes", "Yes, a copy is kept", "no", "No, nothing relevant"))),
                true, null)
                .withIntro((i, task) -> "The footage is overwritten on " + investigations.when(i.getCctvOverwrittenAt())
                        + ". Check it before then and save what is needed.")
                .completes(recorded(CheckKind.CCTV,
                        (v, file) -> joined("", v.get("found"), "Footage saved: ", v.get("saved"), "Still attached: ", file)));
    }

    @Bean
    TaskForm lscForm() {
        return evidenceForm("investigation/lsc", "Consult the Learning Support Centre", CheckKind.LSC_CONSULTATION,
                "Consulted", List.of(
                        FormField.text("who", "Who you spoke to"),
                        FormField.longText("advice", "What they know of the students and what they advise")),
                false, null)
                .completes(recorded(CheckKind.LSC_CONSULTATION, (v, file) -> joined("Spoke to: ", v.get("who"), "", v.get("advice"))));
    }

    /**
     * An item of the checklist: whether it is done, its content (required only when done), perhaps a
     * scan, and the reason when it does not apply.
     *
     * @param textField the field that holds the statement itself, when a scan may stand in for it
     */
    private FieldTaskForm.Draft<Incident> evidenceForm(String key, String title, CheckKind kind, String doneLabel,
                                                       List<FormField> content, boolean attachable, String textField) {
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.choice(STATUS, "Is this item done?", FormField.options(DONE, doneLabel, NOT_APPLICABLE,
                "Not applicable (say why below)")));
        content.forEach(f -> fields.add(f.optional()));
        if (attachable) {
            fields.add(FormField.file(ATTACHMENT, "Or attach a scan or photo of it")
                    .withHint("PDF, PNG or JPEG, up to " + investigations.attachmentLimitLabel() + "."));
        }
        fields.add(FormField.longText(REASON, "If not applicable: why").optional());
        return forms.form(key, title, fields).withRule(s -> {
            String attached = attachedFileName(item(s, kind), s.data());
            if (s.is(STATUS, DONE)) {
                for (FormField f : content) {
                    boolean coveredByScan = f.name().equals(textField) && attached != null;
                    s.requireWhen(f.required() && !coveredByScan, f.name(), f.label() + " is required.");
                }
                if (attachable && textField != null && s.get(textField) == null && attached == null
                        && !s.data().errors().containsKey(ATTACHMENT)) {
                    s.reject(textField, "Type the statement, or attach a scan or photo of it.");
                }
            } else if (s.is(STATUS, NOT_APPLICABLE)) {
                s.requireWhen(true, REASON, "Say why this item does not apply.");
                if (attached != null) {
                    s.reject(ATTACHMENT, "A file is attached to an item marked not applicable: choose \u201c" + doneLabel
                            + "\u201d, or leave the file out.");
                }
            }
        });
    }

    /**
     * Records the item done or not applicable.
     *
     * @param detail what is kept as the item's record, from the values and the attached file's name (or null)
     */
    private Function<Submission<Incident>, Map<String, Object>> recorded(CheckKind kind,
                                                                        BiFunction<Map<String, String>, String, String> detail) {
        return s -> {
            IncidentCheck item = item(s, kind);
            boolean done = s.is(STATUS, DONE);
            String attached = attachedFileName(item, s.data());
            recording.recordCheck(s.record(), item, done, done ? detail.apply(s.values(), attached) : null,
                    done ? null : s.get(REASON), s.viewer());
            return Map.of();
        };
    }

    /** The checklist item the task is about: a student's own for a statement. */
    private IncidentCheck item(Submission<Incident> s, CheckKind kind) {
        return investigations.check(s.record(), kind, kind == CheckKind.STUDENT_STATEMENT ? s.task().studentId() : null);
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

    /**
     * "Complete the use-of-force record and tell parents" (DfE, Use of reasonable force, 2013): the
     * record of what happened, and parents told the same day. Not applicable only when force was
     * not used after all, with the reason it was logged.
     */
    @Bean
    TaskForm useOfForceForm() {
        return forms.form("investigation/use-of-force", "Use-of-force record", this::useOfForceFields)
                .withIntro((i, task) -> "Record it while it is fresh, with the member of staff who used force, and tell the parents today.")
                // a school that tells parents in writing as well sends a letter from a template, per student (letters; it logs itself)
                .withPage((i, task, viewer) -> {
                    Map<String, String> links = new LinkedHashMap<>();
                    Map<Long, Student> byId = investigations.studentsById(investigations.studentsOf(i.getId()));
                    investigations.studentsIn(i).forEach(s -> links.put(byId.get(s.getStudentId()).displayName(),
                            "/students/" + s.getStudentId() + "/letters/new"));
                    return Map.of("letterHomeFor", links, "letterHomeHint", "the use of reasonable force template");
                })
                .withDefaults((i, fields) -> {
                    Map<String, String> d = new HashMap<>();
                    d.put("occurredAt", LocalDateTime.ofInstant(i.getOccurredAt(), investigations.zone()).toString());
                    d.put("place", i.getLocation());
                    return d;
                })
                .withRule(s -> {
                    if (s.is(STATUS, NOT_USED)) {
                        s.requireWhen(true, "notUsedReason", "Say why the incident was logged with force used.");
                    } else if (s.is(STATUS, RECORDED)) {
                        checkForceRecord(s);
                    }
                })
                .completes(s -> {
                    Incident i = s.record();
                    if (s.is(STATUS, NOT_USED)) {
                        recording.recordCheck(i, investigations.check(i, CheckKind.USE_OF_FORCE, null), false, null,
                                s.get("notUsedReason"), s.viewer());
                        return Map.of();
                    }
                    List<Long> on = new ArrayList<>();
                    for (String id : s.get("forceOn").split(",")) {
                        on.add(Long.valueOf(id));
                    }
                    String what = s.get("parentsToldWhat")
                            + (s.get("lateReason") == null ? "" : "\n\nNot told on the day because: " + s.get("lateReason"));
                    recording.recordUseOfForce(i, new InvestigationRecording.ForceInput(on, s.get("staffNames"), instant(s.get("occurredAt")),
                            s.get("place"), s.get("leadUp"), s.get("deEscalation"), s.get("forceType"), s.get("forceDescription"),
                            Integer.parseInt(s.get("durationMinutes")), s.get("forceReason"), s.get("injuries"), s.get("supportAfter"),
                            instant(s.get("parentsToldAt")), s.get("parentsToldBy"), s.get("parentsToldHow"), what), s.viewer());
                    return Map.of();
                });
    }

    private List<FormField> useOfForceFields(Incident i) {
        Map<String, String> students = new LinkedHashMap<>();
        Map<Long, Student> byId = investigations.studentsById(investigations.studentsOf(i.getId()));
        for (IncidentStudent s : investigations.studentsIn(i)) {
            Student st = byId.get(s.getStudentId());
            students.put(s.getStudentId().toString(), st.displayName() + " (SEN status: " + senLabel(st) + ")");
        }
        return List.of(
                FormField.choice(STATUS, "Record", FormField.options(RECORDED, "Force was used: record it",
                        NOT_USED, "Force was not used after all (say why it was logged, at the end)")),
                FormField.checks("forceOn", "The student or students force was used on", students).optional(),
                FormField.text("staffNames", "Member(s) of staff who used force").optional(),
                FormField.dateTime("occurredAt", "When").optional(),
                FormField.text("place", "Where").optional(),
                FormField.longText("leadUp", "What led up to it").optional(),
                FormField.longText("deEscalation", "What was tried first to calm the situation (de-escalation)").optional(),
                FormField.select("forceType", "Type of force", FORCE_TYPES).optional(),
                FormField.longText("forceDescription", "What was done, exactly").optional(),
                FormField.number("durationMinutes", "How long, in minutes").optional(),
                FormField.select("forceReason", "Why force was needed", REASONS).optional(),
                FormField.longText("injuries", "Injuries to anyone (write \u201cnone\u201d if none)").optional(),
                FormField.longText("supportAfter", "Support for the student afterwards (and for the staff involved)").optional(),
                FormField.dateTime("parentsToldAt", "When the parents were told").optional().withHint("Parents are told the same day."),
                FormField.text("parentsToldBy", "Who told them, and who they spoke to").optional(),
                FormField.choice("parentsToldHow", "How", InvestigationRecording.CONTACT_METHODS).optional(),
                FormField.longText("parentsToldWhat", "What they were told").optional(),
                FormField.longText("lateReason", "If parents were not told on the day: why").optional(),
                FormField.longText("notUsedReason", "If force was not used after all: why it was logged").optional());
    }

    static String senLabel(Student s) {
        String sen = s.getSenStatus() == null ? "N" : s.getSenStatus();
        return switch (sen) {
            case "K" -> "SEN support";
            case "E" -> "EHC plan";
            default -> "no SEN";
        };
    }

    /** Force was used: every part of the record, and parents told after it, on the day, and not in the future. */
    private void checkForceRecord(Submission<Incident> s) {
        for (String name : FORCE_RECORD) {
            s.requireWhen(true, name, s.label(name) + " is required.");
        }
        LocalDateTime told = s.get("parentsToldAt") == null ? null : LocalDateTime.parse(s.get("parentsToldAt"));
        LocalDateTime used = s.get("occurredAt") == null ? null : LocalDateTime.parse(s.get("occurredAt"));
        if (told != null && used != null && told.isBefore(used)) {
            s.reject("parentsToldAt", "Parents cannot have been told before force was used.");
        }
        if (told != null && used != null && !told.toLocalDate().equals(used.toLocalDate())) {
            s.requireWhen(true, "lateReason", "Parents were not told on the day: say why.");
        }
        if (told != null && told.toLocalDate().isAfter(LocalDate.ofInstant(investigations.now(), investigations.zone()))) {
            s.reject("parentsToldAt", "When the parents were told cannot be in the future.");
        }
    }

    private Instant instant(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(investigations.zone()).toInstant();
    }
}
