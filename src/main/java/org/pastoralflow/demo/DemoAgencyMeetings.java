package org.pastoralflow.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.agencymeeting.AgencyMeetingProcess;
import org.pastoralflow.agencymeeting.AgencyMeetings;
import org.pastoralflow.agencymeeting.MeetingSeries;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.ProcessTimers;
import org.pastoralflow.workflow.TaskForms;
import org.pastoralflow.workflow.TaskInbox;
import org.springframework.stereotype.Component;

/**
 * An open Early Help plan (a Team Around the Family meeting held in the term, with a PSOs' action, the
 * Head of Year's and the school nurse's, the nurse's past its date, and the next meeting next week) and
 * a looked-after child's Personal Education Plan review held early in the term, the next one due next
 * term. Both through the feature's own services, the meetings recorded through their task forms.
 */
@Component
class DemoAgencyMeetings {

    private static final Viewer DSL = DemoTerm.viewer("dsl");

    private final AgencyMeetings meetings;
    private final org.pastoralflow.agencymeeting.MeetingInvitations invitations;
    private final TaskInbox inbox;
    private final TaskForms forms;
    private final ProcessTimers timers;
    private final Clock clock;

    DemoAgencyMeetings(AgencyMeetings meetings, org.pastoralflow.agencymeeting.MeetingInvitations invitations, TaskInbox inbox,
                       TaskForms forms, ProcessTimers timers, Clock clock) {
        this.meetings = meetings;
        this.invitations = invitations;
        this.inbox = inbox;
        this.forms = forms;
        this.timers = timers;
        this.clock = clock;
    }

    /** Returns the series opened. */
    int seed(DemoDays days, Backdate backdate, Student earlyHelp, Student lookedAfter) {
        LocalDate today = LocalDate.now(clock);
        LocalDate held = days.fromEnd(12);
        MeetingSeries eh = open(days, backdate, earlyHelp, "early-help", held.minusDays(14), held,
                "Early Help practitioner, Northgate Family Hub",
                "Early Help assessment after a run of late arrivals and low mood at home; mum asked for help with routines.");
        record(days, backdate, eh, held, form(
                "invited", "Mum\nEarly Help practitioner, Northgate Family Hub\nSchool nurse\nHead of Year\nPastoral Support Officer",
                "attended", "Mum; Early Help practitioner; Head of Year; PSO. Apologies: school nurse.",
                "minutes", "Mornings are calmer since the new routine; two late marks in three weeks. Mum still worried about sleep. "
                        + "Student says friendship group is better and would like to join a lunchtime club.",
                "action1", "Weekly check-in with the student on Mondays", "action1Staff", "pso", "action1Due", days.fromEnd(7).toString(),
                "action2", "Find a lunchtime club place and tell mum", "action2Staff", "hoy", "action2Due", today.plusWeeks(1).toString(),
                "action3", "Sleep hygiene appointment with the family", "action3Agency", "School nurse, 0-19 service",
                "action3Due", days.fromEnd(5).toString(),
                "nextStep", "next", "nextMeetingOn", today.plusDays(7).toString()));
        // next week's meeting: mum (when the MIS has her e-mail) and the practitioner invited by e-mail today
        Map<String, String> invite = form("time", "15:30", "place", "Pastoral office, Northgate School",
                "invitee1Name", "Early Help practitioner", "invitee1Agency", "Northgate Family Hub",
                "invitee1Email", "early.help@example.org");
        invitations.invitableParents(earlyHelp.getId()).stream().findFirst()
                .ifPresent(parent -> invite.put("parents", parent.getId().toString()));
        invitations.invite(eh.getReference(), new FormData(invite), DSL);

        LocalDate pepHeld = days.fromStart(10);
        MeetingSeries pep = open(days, backdate, lookedAfter, "pep", pepHeld.minusDays(7), pepHeld,
                "Virtual School caseworker", "Termly Personal Education Plan review for a looked-after pupil.");
        record(days, backdate, pep, pepHeld, form(
                "invited", "Foster carer\nSocial worker\nVirtual School caseworker\nDesignated teacher",
                "attended", "All invited.",
                "minutes", "Settled in the new placement. Reading age behind; PP+ to fund a reading tutor this term. "
                        + "Pupil's views: likes art, wants help with homework.",
                "action1", "Arrange reading tutor sessions funded by pupil premium plus", "action1Staff", "senco",
                "action1Due", days.fromStart(20).toString(),
                "nextStep", "next", "nextMeetingOn", today.plusWeeks(8).toString()));
        return 2;
    }

    private static Map<String, String> form(String... nameValue) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            out.put(nameValue[i], nameValue[i + 1]);
        }
        return out;
    }

    private MeetingSeries open(DemoDays days, Backdate backdate, Student s, String kind, LocalDate openedOn, LocalDate firstMeeting,
                               String lead, String purpose) {
        Map<String, String> form = new HashMap<>(Map.of("upn", s.getUpn(), "kind", kind, "confidentiality", "PASTORAL",
                "leadProfessional", lead, "purpose", purpose, "firstMeetingOn", firstMeeting.toString()));
        LocalDate on = openedOn.isBefore(days.first()) ? days.first() : openedOn;
        return backdate.at(days.at(on, 12, 30), () -> meetings.open(new FormData(form), DSL));
    }

    /** The meeting's reminder, then its record, as the DSL would have written it that afternoon. */
    private void record(DemoDays days, Backdate backdate, MeetingSeries series, LocalDate held, Map<String, String> form) {
        Map<String, String> values = new HashMap<>(form);
        values.put("heldOn", held.toString());
        backdate.run(days.at(held, 16, 0), () -> timers.runNow(series.getProcessInstanceId()));
        String task = inbox.openTaskId(series.getProcessInstanceId(), AgencyMeetingProcess.TASK_RECORD_MEETING)
                .orElseThrow(() -> new IllegalStateException("Demo series " + series.getReference() + " has no meeting to record"));
        backdate.run(days.at(held, 16, 40), () -> forms.complete(task, new FormData(values), DSL));
    }
}
