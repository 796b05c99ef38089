package org.pastoralflow.attendance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.supportplan.Interventions;
import org.pastoralflow.supportplan.SupportPlans;
import org.pastoralflow.workflow.TaskForm;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The forms of attendance.bpmn's user tasks, by form key. */
@Configuration
@EnableConfigurationProperties(AttendanceSettings.class)
class AttendanceForms {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static Map<String, String> options(String... codeLabel) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < codeLabel.length; i += 2) {
            m.put(codeLabel[i], codeLabel[i + 1]);
        }
        return m;
    }

    static NewEntry entry(AttendanceConcern c, EntryKind kind, Confidentiality conf, String day, Viewer viewer,
                          String summary, String detail) {
        return new NewEntry(c.getStudentId(), kind, conf, LocalDate.parse(day).atStartOfDay(LONDON).toInstant(),
                viewer.userId(), summary + " (" + c.getReference() + ")", detail, AttendanceProcess.SOURCE_TYPE, c.getId());
    }

    @Bean
    TaskForm contactHomeForm(AttendanceService attendance, CaseStore caseStore) {
        return new AttendanceForm("attendance/contact-home", "Contact home", List.of(
                Field.date("contactedOn", "Date of the contact"),
                Field.text("contactWith", "Who you spoke to", true),
                Field.choice("method", "How", options("phone", "Phone", "email", "E-mail", "letter", "Letter",
                        "home-visit", "Home visit", "in-person", "In person at school")),
                Field.longText("whatWasSaid", "What was said")), attendance, caseStore) {
            @Override
            protected Map<String, Object> write(AttendanceConcern c, Map<String, String> v, Viewer viewer) {
                caseStore.record(entry(c, EntryKind.CONTACT_HOME, Confidentiality.PASTORAL, v.get("contactedOn"), viewer,
                        "Contact with home about attendance: " + v.get("contactWith") + " by " + v.get("method"), v.get("whatWasSaid")));
                return Map.of();
            }
        };
    }

    @Bean
    TaskForm attendanceMeetingForm(AttendanceService attendance, CaseStore caseStore, SupportPlans plans) {
        return new AttendanceForm("attendance/meeting", "Attendance meeting and support plan", List.of(
                Field.date("meetingOn", "Date of the meeting"),
                Field.text("attendees", "Who attended", true),
                Field.longText("notes", "What was discussed"),
                Field.longText("goals", "Goals of the attendance support plan"),
                Field.checks("interventions", "Support agreed", Interventions.OPTIONS)), attendance, caseStore) {
            @Override
            protected Map<String, Object> write(AttendanceConcern c, Map<String, String> v, Viewer viewer) {
                caseStore.record(entry(c, EntryKind.NOTE, Confidentiality.PASTORAL, v.get("meetingOn"), viewer,
                        "Attendance meeting with " + v.get("attendees"), v.get("notes")));
                Figures now = attendance.latest(c.getStudentId());
                plans.start(c.getStudentId(), null, "pso", new SupportPlans.SupportPlanInput(v.get("goals"),
                        List.of(v.get("interventions").split(",")), "Attendance % this school year",
                        (int) Math.round(now.percent()), true, "At the attendance meeting on " + v.get("meetingOn")), viewer);
                return Map.of();
            }
        };
    }

    @Bean
    TaskForm attendanceDslReviewForm(AttendanceService attendance, CaseStore caseStore) {
        return new AttendanceForm("attendance/dsl-review", "DSL review of severe absence", List.of(
                Field.choice("decision", "Decision", options("monitor", "Monitor alongside the PSO's work",
                        "early-help", "Refer to Early Help", "social-care", "Refer to children's social care",
                        "no-further-action", "No safeguarding action")),
                Field.longText("rationale", "Rationale")), attendance, caseStore) {
            @Override
            protected Map<String, Object> write(AttendanceConcern c, Map<String, String> v, Viewer viewer) {
                caseStore.record(NewEntry.now(c.getStudentId(), EntryKind.DECISION, Confidentiality.SAFEGUARDING, viewer.userId(),
                        "DSL review of severe absence: " + v.get("decision") + " (" + c.getReference() + ")", v.get("rationale"),
                        AttendanceProcess.SOURCE_TYPE, c.getId()));
                return Map.of();
            }
        };
    }

    @Bean
    TaskForm attendanceReviewForm(AttendanceService attendance, CaseStore caseStore) {
        return new AttendanceForm("attendance/review", "Review: no improvement", List.of(
                Field.choice(AttendanceProcess.REVIEW_DECISION, "Decision", options("continue",
                        "Continue the plan for another 4 school weeks", "escalate", "Escalate to the local authority's attendance team")),
                Field.longText("rationale", "Rationale")), attendance, caseStore) {
            @Override
            protected Map<String, Object> write(AttendanceConcern c, Map<String, String> v, Viewer viewer) {
                caseStore.record(NewEntry.now(c.getStudentId(), EntryKind.REVIEW, Confidentiality.PASTORAL, viewer.userId(),
                        "Attendance review: " + v.get(AttendanceProcess.REVIEW_DECISION) + " (" + c.getReference() + "); now "
                                + attendance.latest(c.getStudentId()).describe(), v.get("rationale"), AttendanceProcess.SOURCE_TYPE, c.getId()));
                return Map.of(AttendanceProcess.REVIEW_DECISION, v.get(AttendanceProcess.REVIEW_DECISION));
            }
        };
    }

    @Bean
    TaskForm localAuthorityForm(AttendanceService attendance, CaseStore caseStore) {
        return new AttendanceForm("attendance/local-authority", "Refer to the local authority attendance team", List.of(
                Field.date("referredOn", "Date of the referral"),
                Field.text("laReference", "The local authority's reference", true),
                Field.longText("notes", "Notes")), attendance, caseStore) {
            @Override
            protected Map<String, Object> write(AttendanceConcern c, Map<String, String> v, Viewer viewer) {
                caseStore.record(entry(c, EntryKind.EXTERNAL_REFERRAL, Confidentiality.PASTORAL, v.get("referredOn"), viewer,
                        "Referred to the local authority attendance team, reference " + v.get("laReference"), v.get("notes")));
                // the model closes the concern ("escalated") once any DSL review of severe absence is done too
                return Map.of();
            }
        };
    }

    @Bean
    TaskForm missingEducationForm(AttendanceService attendance, CaseStore caseStore) {
        return new AttendanceForm("attendance/missing-education", "Notify the local authority (10 days absent)", List.of(
                Field.date("notifiedOn", "Date the local authority was told"),
                Field.text("laReference", "The local authority's reference", true),
                Field.longText("notes", "Notes (who you told, what was agreed)")), attendance, caseStore) {
            @Override
            protected Map<String, Object> write(AttendanceConcern c, Map<String, String> v, Viewer viewer) {
                caseStore.record(entry(c, EntryKind.EXTERNAL_REFERRAL, Confidentiality.SAFEGUARDING, v.get("notifiedOn"), viewer,
                        "Local authority told of 10 school days' unexplained absence, reference " + v.get("laReference"), v.get("notes")));
                attendance.close(c, "local-authority-notified");
                return Map.of();
            }
        };
    }
}
