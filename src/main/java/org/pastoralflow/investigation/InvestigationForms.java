package org.pastoralflow.investigation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.Coded;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.FieldTaskForm;
import org.pastoralflow.suspension.SuspensionRecording;
import org.pastoralflow.workflow.FormSet;
import org.pastoralflow.workflow.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The forms of investigation.bpmn's user tasks outside the evidence checklist, by form key: assign
 * an investigator, record the outcome, the Headteacher's approval, contact with parents. One page
 * shows them and the checklist's ({@link ChecklistForms}), with the incident, its students and its
 * checklist above the form; each writes through {@link InvestigationRecording}.
 */
@Configuration
class InvestigationForms {

    static final String OUTCOME = "outcome";
    static final String RATIONALE = "rationale";
    static final String SANCTION = "sanction-";
    static final String DAYS = "days-";
    static final String MEDIATION = "mediation";
    static final String SUPPORT = "targetSupport";
    static final String CHECKLIST = "checklist";
    static final String DECISION = "decision";
    static final String NOTES = "notes";

    private final Investigations investigations;
    private final InvestigationRecording recording;
    private final SuspensionRecording suspensionRecording;
    private final FormSet<Incident> forms;

    InvestigationForms(Investigations investigations, InvestigationRecording recording, SuspensionRecording suspensionRecording) {
        this.investigations = investigations;
        this.recording = recording;
        this.suspensionRecording = suspensionRecording;
        this.forms = formSet(investigations);
    }

    /** What every form of the workflow shares: the page, the incident found by the task, a date shows today and a time now. */
    static FormSet<Incident> formSet(Investigations investigations) {
        return FormSet.<Incident>of("investigation/task", task -> investigations.byReference(task.businessKey()),
                        (i, task, viewer) -> IncidentPage.model(i, viewer, investigations))
                .withDefaults((i, fields) -> {
                    LocalDateTime now = LocalDateTime.ofInstant(investigations.now(), investigations.zone()).truncatedTo(ChronoUnit.MINUTES);
                    Map<String, String> d = new HashMap<>();
                    for (FormField f : fields) {
                        switch (f.type()) {
                            case "date" -> d.put(f.name(), now.toLocalDate().toString());
                            case "datetime-local" -> d.put(f.name(), now.toString());
                            default -> { }
                        }
                    }
                    return d;
                });
    }

    /** "Assign an investigator": a Head of Year or PSO; a DSL for a safeguarding incident. */
    @Bean
    TaskForm assignForm() {
        return forms.form("investigation/assign", "Assign an investigator", i -> List.of(
                FormField.select(InvestigationProcess.INVESTIGATOR, "Investigator", investigations.possibleInvestigators(i))
                        .withHint(i.isSafeguarding() ? "A DSL, or a Head of Year or PSO you name: they alone outside the DSL group "
                                + "can then open this incident, and the share is recorded."
                                : "A Head of Year or a PSO. The evidence checklist goes to their inbox."))).completes(s -> {
                    recording.assign(s.record(), s.get(InvestigationProcess.INVESTIGATOR), s.viewer());
                    return Map.of(InvestigationProcess.INVESTIGATOR, s.get(InvestigationProcess.INVESTIGATOR));
                });
    }

    /**
     * "Record the outcome": refused while any item of the checklist is open. A sanction for each
     * alleged perpetrator, only when upheld; a suspension within the yearly limit; mediation between
     * the students who are not witnesses; support for the targets.
     */
    @Bean
    TaskForm outcomeForm() {
        return forms.form("investigation/outcome", "Record the outcome", this::outcomeFields)
                .withPage((i, task, viewer) -> Map.of("openItems", investigations.openBeforeOutcome(i)))
                .withRule(this::checkOutcome)
                .completes(s -> {
                    Incident i = s.record();
                    List<InvestigationRecording.SanctionInput> sanctions = new ArrayList<>();
                    for (IncidentStudent p : perpetrators(i)) {
                        String code = s.get(SANCTION + p.getStudentId());
                        if (code != null) {
                            String days = s.get(DAYS + p.getStudentId());
                            sanctions.add(new InvestigationRecording.SanctionInput(p.getStudentId(), Coded.of(Sanction.class, code),
                                    days == null ? null : Integer.valueOf(days)));
                        }
                    }
                    boolean mediation = s.is(MEDIATION, "yes");
                    boolean support = s.is(SUPPORT, "yes");
                    recording.recordOutcome(i, s.get(OUTCOME), s.get(RATIONALE), sanctions, mediation, support, s.viewer());
                    Map<String, Object> vars = new HashMap<>();
                    vars.put(InvestigationProcess.NEEDS_HEAD_APPROVAL, sanctions.stream().anyMatch(x -> x.sanction().needsHeadApproval()));
                    vars.put(InvestigationProcess.OFFER_MEDIATION, mediation);
                    vars.put(InvestigationProcess.SUPPORT_TARGET, support);
                    return vars;
                });
    }

    private List<FormField> outcomeFields(Incident i) {
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.choice(OUTCOME, "Outcome", InvestigationRecording.OUTCOMES)
                .withHint("On the balance of probabilities, under the behaviour policy."));
        fields.add(FormField.longText(RATIONALE, "Why: what the evidence shows"));
        Map<Long, Student> names = investigations.studentsById(investigations.studentsOf(i.getId()));
        for (IncidentStudent s : perpetrators(i)) {
            String name = names.get(s.getStudentId()).displayName();
            fields.add(FormField.select(SANCTION + s.getStudentId(), "Sanction for " + name, Coded.options(Sanction.class)));
            fields.add(FormField.number(DAYS + s.getStudentId(), "School days of suspension for " + name).optional()
                    .withHint("Only for a suspension. Already suspended this school year: "
                            + investigations.suspensionDaysThisYear(s.getStudentId(), i.getId()) + " of "
                            + investigations.suspensionLimit() + " school days."));
        }
        fields.add(FormField.choice(MEDIATION, "Offer restorative mediation?", FormField.YES_NO)
                .withHint("Between the targets and the alleged perpetrators; a PSO checks it is suitable first."));
        if (investigations.studentsIn(i).stream().anyMatch(s -> s.part() == Part.TARGET)) {
            fields.add(FormField.choice(SUPPORT, "Refer the target for support?", FormField.YES_NO)
                    .withHint("Starts a referral for each target: PSO triage, or the DSL for a safeguarding incident."));
        }
        return fields;
    }

    private List<IncidentStudent> perpetrators(Incident i) {
        return investigations.studentsIn(i).stream().filter(s -> s.part() == Part.ALLEGED_PERPETRATOR).toList();
    }

    private void checkOutcome(FieldTaskForm.Submission<Incident> v) {
        Incident i = v.record();
        List<String> open = investigations.openBeforeOutcome(i);
        if (!open.isEmpty()) {
            v.reject(CHECKLIST, (open.size() == 1 ? "1 item of the checklist is" : open.size() + " items of the checklist are")
                    + " still open: " + String.join("; ", open) + ". Complete each, or mark it not applicable with a reason, "
                    + "before recording the outcome.");
        }
        boolean upheld = v.is(OUTCOME, Incident.UPHELD);
        Map<Long, Student> names = investigations.studentsById(investigations.studentsOf(i.getId()));
        for (IncidentStudent s : perpetrators(i)) {
            String name = names.get(s.getStudentId()).displayName();
            String code = v.get(SANCTION + s.getStudentId());
            String daysRaw = v.get(DAYS + s.getStudentId());
            if (code == null) {
                continue;
            }
            Sanction sanction = Coded.of(Sanction.class, code);
            if (sanction != Sanction.NONE && v.get(OUTCOME) != null && !upheld) {
                v.reject(SANCTION + s.getStudentId(), name + ": a sanction needs the outcome to be upheld.");
            }
            Integer days = daysRaw == null ? null : Integer.valueOf(daysRaw);
            if (sanction == Sanction.SUSPENSION) {
                checkSuspension(i, s, name, days, v);
            } else if (days != null) {
                v.reject(DAYS + s.getStudentId(), name + ": only a suspension has a number of school days.");
            }
        }
        boolean mediation = v.is(MEDIATION, "yes");
        if (mediation && i.isSafeguarding()) {
            v.reject(MEDIATION, "Mediation is not offered after harmful sexual behaviour or a safeguarding concern: "
                    + "the DSL decides what support each student needs.");
        } else if (mediation && investigations.studentsIn(i).stream().filter(s -> s.part() != Part.WITNESS).count() < 2) {
            v.reject(MEDIATION, "Mediation needs at least two students who are not witnesses.");
        }
    }

    /** DfE (2024): no more than 45 school days of suspension in a school year. */
    private void checkSuspension(Incident i, IncidentStudent s, String name, Integer days, FieldTaskForm.Submission<Incident> v) {
        String field = DAYS + s.getStudentId();
        int limit = investigations.suspensionLimit();
        if (days == null) {
            v.reject(field, name + ": how many school days of suspension?");
            return;
        }
        if (days < 1) {
            v.reject(field, name + ": a suspension is at least 1 school day.");
            return;
        }
        long already = investigations.suspensionDaysThisYear(s.getStudentId(), i.getId());
        if (already + days > limit) {
            v.reject(field, name + " has already been suspended for " + already + " school days this school year; "
                    + days + " more would make " + (already + days) + ", over the limit of " + limit + ".");
        }
    }

    /** One proposed sanction as the Headteacher sees it. */
    public record Proposal(String student, String sanction, Integer days, long alreadyThisYear, long total, int limit) {
        public boolean overLimit() {
            return total > limit;
        }
    }

    /**
     * "Headteacher approval" of a suspension or permanent exclusion. The page shows each student's
     * suspensions this school year against the limit, and the SENCO's advice for a pupil with SEN;
     * approving one that would pass the limit is refused.
     */
    @Bean
    TaskForm headApprovalForm() {
        return forms.form("investigation/head-approval", "Headteacher approval", List.of(
                        FormField.choice(DECISION, "Decision", FormField.options("approve", "Approve",
                                "not-approved", "Do not approve: the investigator records the outcome again")),
                        FormField.longText(NOTES, "Notes (required if you do not approve)").optional()))
                .withIntro((i, task) -> "The investigator proposes a sanction that only the Headteacher can decide.")
                .withPage((i, task, viewer) -> Map.of("proposals", proposals(i), "sencoAdvice",
                        suspensionRecording.sencoAdviceAbout(InvestigationProcess.SOURCE_TYPE, i.getId(), viewer, "task " + task.form())))
                .withRule(s -> {
                    s.requireWhen(s.is(DECISION, "not-approved"), NOTES, "Say why, so the investigator can record the outcome again.");
                    if (s.is(DECISION, "approve") && proposals(s.record()).stream().anyMatch(Proposal::overLimit)) {
                        s.reject(DECISION, "A suspension here would take a student over " + investigations.suspensionLimit()
                                + " school days this school year: it cannot be approved.");
                    }
                })
                .completes(s -> {
                    boolean approve = s.is(DECISION, "approve");
                    recording.recordHeadDecision(s.record(), approve, s.get(NOTES), s.viewer());
                    return Map.of(InvestigationProcess.HEAD_APPROVED, approve);
                });
    }

    private List<Proposal> proposals(Incident i) {
        Map<Long, Student> names = investigations.studentsById(investigations.studentsOf(i.getId()));
        List<Proposal> list = new ArrayList<>();
        for (IncidentStudent s : investigations.studentsIn(i)) {
            if (!IncidentStudent.PROPOSED.equals(s.getSanctionStatus())) {
                continue;
            }
            long already = investigations.suspensionDaysThisYear(s.getStudentId(), i.getId());
            int days = s.getSuspensionDays() == null ? 0 : s.getSuspensionDays();
            list.add(new Proposal(names.get(s.getStudentId()).displayName(), s.getSanctionLabel(), s.getSuspensionDays(),
                    already, already + days, investigations.suspensionLimit()));
        }
        return list;
    }

    /** "Contact the parents of each student": who was spoken to, how, when, what was said. */
    @Bean
    TaskForm parentContactForm() {
        return forms.form("investigation/parents", "Contact the parents", List.of(
                        FormField.text("contactWith", "Who you spoke to").withHint("E.g. \u201cMum (Ms Ames)\u201d, \u201cfoster carer\u201d."),
                        FormField.choice("method", "How", InvestigationRecording.CONTACT_METHODS),
                        FormField.dateTime("contactedAt", "When"),
                        FormField.longText("said", "What was said")))
                .withIntro((i, task) -> "The parents or carers of " + investigations.studentsById(List.of(task.studentId()))
                        .get(task.studentId()).displayName() + ": tell them the outcome and any sanction, support or mediation.")
                // a school that wants the outcome in writing sends a letter from a template as well (letters; it logs itself)
                .withPage((i, task, viewer) -> Map.of("letterHome", "/students/" + task.studentId() + "/letters/new"))
                .withRule(s -> {
                    if (s.get("contactedAt") != null && at(s.get("contactedAt")).isAfter(investigations.now().plusSeconds(300))) {
                        s.reject("contactedAt", "When cannot be in the future.");
                    }
                })
                .completes(s -> {
                    Incident i = s.record();
                    recording.recordParentContact(i, investigations.check(i, CheckKind.PARENT_CONTACT, s.task().studentId()),
                            s.get("contactWith"), s.get("method"), at(s.get("contactedAt")), s.get("said"), s.viewer());
                    return Map.of();
                });
    }

    private Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(investigations.zone()).toInstant();
    }
}
