package org.pastoralflow.agencymeeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.FormField;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.FieldTaskForm;
import org.pastoralflow.workflow.FormSet;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The user tasks of agency-meeting.bpmn and agency-action.bpmn: recording a meeting (the keeper sees the
 * series so far), doing a school action (its owner sees the action and whom it is about, never the
 * minutes), and chasing another agency.
 */
@Configuration
@EnableConfigurationProperties(AgencyMeetingSettings.class)
class AgencyMeetingForms {

    /** Rows for actions on the meeting form; a meeting that agrees more records the rest at the next. */
    static final int ACTION_ROWS = 4;
    static final Map<String, String> NEXT_STEPS = FormField.options(
            "next", "Another meeting is planned", "end", "The series ends");
    static final Map<String, String> CHASE_OUTCOMES = FormField.options(
            AgencyMeetingProcess.DONE, "Done: the agency has done it",
            AgencyMeetingProcess.NEW_DATE, "Not yet: a new date is agreed",
            AgencyMeetingProcess.DROPPED, "Dropped: it will not be done (say why)");

    private final AgencyMeetings reads;
    private final MeetingRecording recording;

    AgencyMeetingForms(AgencyMeetings reads, MeetingRecording recording) {
        this.reads = reads;
        this.recording = recording;
    }

    // ---------------------------------------------------------------- record the meeting

    private Map<String, Object> seriesPage(MeetingSeries s, TaskView task, Viewer viewer) {
        Map<String, Object> model = new HashMap<>();
        model.put("series", s);
        model.put("kindName", reads.kindName(s));
        model.put("student", reads.studentOf(s.getStudentId()));
        model.put("meetings", reads.meetingsOf(s));
        model.put("actions", reads.actionsOf(s, viewer));
        model.put("history", reads.history(s, viewer, "task " + task.form()));
        return model;
    }

    static List<FormField> meetingFields() {
        List<FormField> fields = new ArrayList<>(List.of(
                FormField.date("heldOn", "Date of the meeting"),
                FormField.longText("invited", "Who was invited, and from which agency").withHint("One a line: name, role, agency."),
                FormField.longText("attended", "Who came, and apologies"),
                FormField.longText("minutes", "Minutes")));
        for (int i = 1; i <= ACTION_ROWS; i++) {
            fields.add(FormField.text("action" + i, "Action " + i).optional()
                    .withHint(i == 1 ? "What is to be done. Leave the rest empty if fewer actions were agreed." : null));
            fields.add(FormField.text("action" + i + "Staff", "Action " + i + ": member of staff or group").optional()
                    .withHint(i == 1 ? "A username (the action becomes their task) or a group: dsl, pso, hoy, senco, pastoral-lead, slt." : null));
            fields.add(FormField.text("action" + i + "Agency", "Action " + i + ": or another agency").optional()
                    .withHint(i == 1 ? "Name and agency, for example: Sam Okafor, social worker. It is tracked and chased." : null));
            fields.add(FormField.date("action" + i + "Due", "Action " + i + ": due by").optional());
        }
        fields.add(FormField.choice("nextStep", "Next", NEXT_STEPS));
        fields.add(FormField.date("nextMeetingOn", "Date of the next meeting").optional()
                .withHint("Offered from the kind's usual interval (the school's setting)."));
        fields.add(FormField.longText("endReason", "Why the series ends").optional());
        return fields;
    }

    /** The actions as typed: each needs a due date and exactly one owner, a person or group who may do it. */
    private List<MeetingRecording.AgreedAction> agreed(FieldTaskForm.Submission<MeetingSeries> s) {
        List<MeetingRecording.AgreedAction> out = new ArrayList<>();
        LocalDate held = s.day("heldOn");
        for (int i = 1; i <= ACTION_ROWS; i++) {
            String what = s.get("action" + i);
            String staff = s.get("action" + i + "Staff");
            String agency = s.get("action" + i + "Agency");
            LocalDate due = s.day("action" + i + "Due");
            if (what == null) {
                if (staff != null || agency != null || due != null) {
                    s.reject("action" + i, "Say what action " + i + " is, or leave its row empty.");
                }
                continue;
            }
            s.requireWhen(true, "action" + i + "Due", "Give the date action " + i + " is due by.");
            if (due != null && held != null && due.isBefore(held)) {
                s.reject("action" + i + "Due", "Action " + i + " cannot be due before the meeting.");
            }
            if ((staff == null) == (agency == null)) {
                s.reject("action" + i + "Staff", "Give a member of staff or group, or another agency, for action " + i + " (one of them).");
                continue;
            }
            String user = null;
            String group = null;
            if (staff != null) {
                if (Group.byId(staff).isPresent()) {
                    group = staff;
                    if (!AccessPolicy.groupReads(group, s.record().getConfidentiality()) || Group.ADMIN.id().equals(group)) {
                        s.reject("action" + i + "Staff", "The group " + group + " may not read this series: name a person, or a group that may.");
                    }
                } else if (staff.length() > 64 || !reads.userExists(staff)) {
                    s.reject("action" + i + "Staff", "No member of staff has the username \"" + staff + "\".");
                } else {
                    user = staff;
                }
            }
            out.add(new MeetingRecording.AgreedAction(what, user, group, agency, due));
        }
        return out;
    }

    private void checkMeeting(FieldTaskForm.Submission<MeetingSeries> s) {
        LocalDate today = reads.today();
        LocalDate held = s.day("heldOn");
        if (held != null && held.isAfter(today)) {
            s.reject("heldOn", "Record a meeting once it has been held.");
        }
        boolean next = s.is("nextStep", "next");
        s.requireWhen(next, "nextMeetingOn", "Give the next meeting's date.");
        LocalDate nextOn = s.day("nextMeetingOn");
        if (next && nextOn != null && held != null && !nextOn.isAfter(held)) {
            s.reject("nextMeetingOn", "The next meeting comes after this one.");
        }
        s.requireWhen(s.is("nextStep", "end"), "endReason", "Say why the series ends.");
    }

    @Bean
    TaskForm recordMeetingForm() {
        FormSet<MeetingSeries> set = FormSet.of("agencymeeting/task", task -> reads.byReference(task.businessKey()), this::seriesPage)
                .withDefaults((s, fields) -> {
                    LocalDate held = s.getNextMeetingOn() == null ? reads.today() : s.getNextMeetingOn();
                    int weeks = reads.settings().kind(s.getKind()).map(AgencyMeetingSettings.Kind::intervalWeeks).orElse(6);
                    return Map.of("heldOn", held.toString(), "nextMeetingOn", held.plusWeeks(weeks).toString());
                });
        return set.form("agency-meeting/record", "Record the meeting", meetingFields())
                .withIntro((s, task) -> "The " + reads.kindName(s).toLowerCase(java.util.Locale.UK) + " for this student was due on "
                        + s.getNextMeetingOn() + ". Record it as held; a meeting that moved is recorded on the day it was held.")
                .withRule(this::checkMeeting)
                .withRule(this::agreed)
                .completes(s -> {
                    List<MeetingRecording.AgreedAction> actions = agreed(s);
                    boolean next = s.is("nextStep", "next");
                    AgencyMeeting meeting = recording.recordMeeting(s.record(), s.day("heldOn"), s.get("invited"), s.get("attended"),
                            s.get("minutes"), actions, next ? s.day("nextMeetingOn") : null, s.get("endReason"), s.viewer());
                    Map<String, Object> vars = new HashMap<>();
                    vars.put(AgencyMeetingProcess.MEETING_ID, meeting.getId());
                    vars.put(AgencyMeetingProcess.GOES_ON, next);
                    return vars;
                });
    }

    // ---------------------------------------------------------------- actions

    private FormSet<AgencyAction> actionForms() {
        return FormSet.of("agencymeeting/task", task -> reads.actionByReference(task.businessKey()), (a, task, viewer) -> {
            MeetingSeries s = reads.byId(a.getSeriesId());
            Map<String, Object> model = new HashMap<>();
            model.put("action", a);
            model.put("kindName", reads.kindName(s));
            model.put("student", reads.studentOf(a.getStudentId()));
            return model;
        });
    }

    @Bean
    TaskForm schoolActionForm() {
        return actionForms().form("agency-meeting/school-action", "Do the agreed action", List.of(
                        FormField.date("doneOn", "Done on"),
                        FormField.longText("done", "What was done")))
                .withRule(s -> s.refuseDatesAfter(reads.today()))
                .completes(s -> {
                    recording.schoolActionDone(s.record(), s.day("doneOn"), s.get("done"), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm chaseAgencyForm() {
        return actionForms().form("agency-meeting/chase", "Chase the other agency", List.of(
                        FormField.choice(AgencyMeetingProcess.CHASE_OUTCOME, "What they said", CHASE_OUTCOMES),
                        FormField.date("newDue", "New date agreed").optional(),
                        FormField.longText("note", "Who you spoke to, and what was said")))
                .withIntro((a, task) -> "Past its date with no news: ask " + a.getAgency() + ".")
                .withRule(s -> {
                    boolean newDate = s.is(AgencyMeetingProcess.CHASE_OUTCOME, AgencyMeetingProcess.NEW_DATE);
                    s.requireWhen(newDate, "newDue", "Give the new date agreed.");
                    if (newDate && s.day("newDue") != null && !s.day("newDue").isAfter(reads.today())) {
                        s.reject("newDue", "The new date is after today.");
                    }
                })
                .completes(s -> {
                    String outcome = s.get(AgencyMeetingProcess.CHASE_OUTCOME);
                    recording.chased(s.record(), outcome, s.day("newDue"), s.get("note"), s.viewer());
                    return Map.of(AgencyMeetingProcess.CHASE_OUTCOME, outcome);
                });
    }
}
