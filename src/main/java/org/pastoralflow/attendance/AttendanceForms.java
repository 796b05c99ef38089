package org.pastoralflow.attendance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.supportplan.Interventions;
import org.pastoralflow.supportplan.SupportPlans;
import org.pastoralflow.workflow.FieldTaskForm;
import org.pastoralflow.workflow.FormSet;
import org.pastoralflow.workflow.TaskForm;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The forms of attendance.bpmn's user tasks, by form key: one page shows them all, with the
 * student's attendance and what has been recorded about the concern above the form.
 */
@Configuration
@EnableConfigurationProperties(AttendanceSettings.class)
class AttendanceForms {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final Map<String, String> CONTACT_METHODS = FormField.options("phone", "Phone", "email", "E-mail",
            "letter", "Letter", "home-visit", "Home visit", "in-person", "In person at school");
    private static final Map<String, String> LATENESS_AGREED = FormField.options("plan", "A punctuality plan",
            "monitor", "Monitor: no plan needed yet", "referred", "Referred on (Early Help, school nurse, young carers)");

    private final FormSet<AttendanceConcern> forms;
    private final CaseStore caseStore;

    AttendanceForms(AttendanceService attendance, CaseStore caseStore, Clock clock) {
        this.caseStore = caseStore;
        this.forms = FormSet.<AttendanceConcern>of("attendance/form", task -> attendance.concernByReference(task.businessKey()),
                        (c, task, viewer) -> Map.of("concern", c, "figures", attendance.latest(c.getStudentId()),
                                "lates", attendance.latesThisYear(c.getStudentId()),
                                "history", caseStore.aboutRecord(AttendanceProcess.SOURCE_TYPE, c.getId(), viewer, c.getStudentId(),
                                        "task " + task.form())))
                .withRule(s -> s.refuseDatesAfter(LocalDate.now(clock)));
    }

    static NewEntry entry(AttendanceConcern c, EntryKind kind, Confidentiality conf, String day, Viewer viewer,
                          String summary, String detail) {
        return new NewEntry(c.getStudentId(), kind, conf, LocalDate.parse(day).atStartOfDay(LONDON).toInstant(),
                viewer.userId(), summary + " (" + c.getReference() + ")", detail, AttendanceProcess.SOURCE_TYPE, c.getId());
    }

    @Bean
    TaskForm contactHomeForm() {
        return forms.form("attendance/contact-home", "Contact home", List.of(
                FormField.date("contactedOn", "Date of the contact"),
                FormField.text("contactWith", "Who you spoke to"),
                FormField.choice("method", "How", CONTACT_METHODS),
                FormField.longText("whatWasSaid", "What was said")))
                // a school that wants it in writing sends a letter from a template as well (letters; it logs itself)
                .withPage((c, task, viewer) -> Map.of("letterHome", "/students/" + c.getStudentId() + "/letters/new",
                        "letterHomeHint", "the attendance concern template fills in the figures"))
                .completes(s -> {
                    caseStore.record(entry(s.record(), EntryKind.CONTACT_HOME, Confidentiality.PASTORAL, s.get("contactedOn"), s.viewer(),
                            "Contact with home about attendance: " + s.get("contactWith") + " by " + s.get("method"), s.get("whatWasSaid")));
                    return Map.of();
                });
    }

    @Bean
    TaskForm attendanceMeetingForm(AttendanceService attendance, SupportPlans plans) {
        return forms.form("attendance/meeting", "Attendance meeting and support plan", List.of(
                FormField.date("meetingOn", "Date of the meeting"),
                FormField.text("attendees", "Who attended"),
                FormField.longText("notes", "What was discussed"),
                FormField.longText("goals", "Goals of the attendance support plan"),
                FormField.checks("interventions", "Support agreed", Interventions.OPTIONS))).completes(s -> {
                    AttendanceConcern c = s.record();
                    caseStore.record(entry(c, EntryKind.NOTE, Confidentiality.PASTORAL, s.get("meetingOn"), s.viewer(),
                            "Attendance meeting with " + s.get("attendees"), s.get("notes")));
                    Figures now = attendance.latest(c.getStudentId());
                    plans.start(c.getStudentId(), null, "pso", new SupportPlans.SupportPlanInput(s.get("goals"),
                            List.of(s.get("interventions").split(",")), "attendance", "this school year",
                            (int) Math.round(now.percent()), true, "At the attendance meeting on " + s.get("meetingOn")), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm attendanceDslReviewForm() {
        return forms.form("attendance/dsl-review", "DSL review of severe absence", List.of(
                FormField.choice("decision", "Decision", FormField.options("monitor", "Monitor alongside the PSO's work",
                        "early-help", "Refer to Early Help", "social-care", "Refer to children's social care",
                        "no-further-action", "No safeguarding action")),
                FormField.longText("rationale", "Rationale"))).completes(s -> {
                    AttendanceConcern c = s.record();
                    caseStore.record(NewEntry.now(c.getStudentId(), EntryKind.DECISION, Confidentiality.SAFEGUARDING, s.viewer().userId(),
                            "DSL review of severe absence: " + s.get("decision") + " (" + c.getReference() + ")", s.get("rationale"),
                            AttendanceProcess.SOURCE_TYPE, c.getId()));
                    return Map.of();
                });
    }

    @Bean
    TaskForm attendanceReviewForm(AttendanceService attendance) {
        return forms.form("attendance/review", "Review: no improvement", List.of(
                FormField.choice(AttendanceProcess.REVIEW_DECISION, "Decision", FormField.options("continue",
                        "Continue the plan for another 4 school weeks", "escalate", "Escalate to the local authority's attendance team")),
                FormField.longText("rationale", "Rationale"))).completes(s -> {
                    AttendanceConcern c = s.record();
                    String decision = s.get(AttendanceProcess.REVIEW_DECISION);
                    caseStore.record(NewEntry.now(c.getStudentId(), EntryKind.REVIEW, Confidentiality.PASTORAL, s.viewer().userId(),
                            "Attendance review: " + decision + " (" + c.getReference() + "); now "
                                    + attendance.latest(c.getStudentId()).describe(), s.get("rationale"), AttendanceProcess.SOURCE_TYPE, c.getId()));
                    return Map.of(AttendanceProcess.REVIEW_DECISION, decision);
                });
    }

    @Bean
    TaskForm localAuthorityForm() {
        return forms.form("attendance/local-authority", "Refer to the local authority attendance team", List.of(
                FormField.date("referredOn", "Date of the referral"),
                FormField.text("laReference", "The local authority's reference"),
                FormField.longText("notes", "Notes"))).completes(s -> {
                    caseStore.record(entry(s.record(), EntryKind.EXTERNAL_REFERRAL, Confidentiality.PASTORAL, s.get("referredOn"), s.viewer(),
                            "Referred to the local authority attendance team, reference " + s.get("laReference"), s.get("notes")));
                    // the model closes the concern ("escalated") once any DSL review of severe absence is done too
                    return Map.of();
                });
    }

    @Bean
    TaskForm missingEducationForm(AttendanceService attendance) {
        return forms.form("attendance/missing-education", "Notify the local authority (10 days absent)", List.of(
                FormField.date("notifiedOn", "Date the local authority was told"),
                FormField.text("laReference", "The local authority's reference"),
                FormField.longText("notes", "Notes (who you told, what was agreed)"))).completes(s -> {
                    caseStore.record(entry(s.record(), EntryKind.EXTERNAL_REFERRAL, Confidentiality.SAFEGUARDING, s.get("notifiedOn"), s.viewer(),
                            "Local authority told of 10 school days' unexplained absence, reference " + s.get("laReference"), s.get("notes")));
                    attendance.close(s.record(), "local-authority-notified");
                    return Map.of();
                });
    }

    @Bean
    TaskForm latenessForm(AttendanceService attendance) {
        return forms.form("attendance/lateness", "Contact home about lateness and agree a plan", List.of(
                FormField.date("contactedOn", "Date of the contact"),
                FormField.text("contactWith", "Who you spoke to"),
                FormField.choice("method", "How", CONTACT_METHODS),
                FormField.longText("whatWasSaid", "What was said (the reasons for the lateness)"),
                FormField.choice("agreed", "What was agreed", LATENESS_AGREED),
                FormField.longText("plan", "The plan: what the student, the family and the school will do").optional()))
                .withRule(s -> s.requireWhen(s.is("agreed", "plan"), "plan", "Write the plan: what each will do."))
                .completes(s -> {
                    AttendanceConcern c = s.record();
                    caseStore.record(entry(c, EntryKind.CONTACT_HOME, Confidentiality.PASTORAL, s.get("contactedOn"), s.viewer(),
                            "Contact with home about lateness: " + s.get("contactWith") + " by " + s.get("method"), s.get("whatWasSaid")));
                    String agreed = s.get("agreed");
                    caseStore.record(NewEntry.now(c.getStudentId(), EntryKind.DECISION, Confidentiality.PASTORAL, s.viewer().userId(),
                            "Lateness followed up: " + LATENESS_AGREED.get(agreed) + " (" + c.getReference() + "); "
                                    + AttendanceService.describe(attendance.latesThisYear(c.getStudentId())) + " this school year",
                            s.get("plan"), AttendanceProcess.SOURCE_TYPE, c.getId()));
                    attendance.close(c, "lateness-" + agreed);
                    return Map.of();
                });
    }
}
