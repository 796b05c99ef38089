package org.pastoralflow.agencymeeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.workflow.Processes;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the series' forms and page write: a meeting with its actions, a school action done, a chase
 * of another agency, an agency's action reported done. Each into the chronology at the series' level.
 */
@Service
public class MeetingRecording {

    /** One action as the meeting form gave it: what, and a member of staff, a group or an agency, by when. */
    public record AgreedAction(String description, String staffUser, String staffGroup, String agency, LocalDate dueOn) {
    }

    private final AgencyMeetings reads;
    private final AgencyMeetingRepository meetings;
    private final AgencyActionRepository actions;
    private final org.pastoralflow.workflow.References references;
    private final AccessPolicy policy;
    private final Processes processes;
    private final Clock clock;

    MeetingRecording(AgencyMeetings reads, AgencyMeetingRepository meetings, AgencyActionRepository actions,
                     org.pastoralflow.workflow.References references, AccessPolicy policy, Processes processes, Clock clock) {
        this.processes = processes;
        this.reads = reads;
        this.meetings = meetings;
        this.actions = actions;
        this.references = references;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The meeting as held: who was invited and came, the minutes, the actions agreed, and the next
     * meeting's date (null: the series ends). A named member of staff who could not otherwise read a
     * safeguarding series is given their action by name (a share the DSL makes, on a need-to-know basis),
     * never the minutes. Returns the meeting.
     */
    @Transactional
    public AgencyMeeting recordMeeting(MeetingSeries series, LocalDate heldOn, String invited, String attended, String minutes,
                                       List<AgreedAction> agreed, LocalDate nextOn, String endReason, Viewer viewer) {
        AgencyMeeting meeting = meetings.save(new AgencyMeeting(series.getId(), heldOn, invited, attended, minutes, viewer.userId(),
                clock.instant()));
        List<String> lines = new ArrayList<>();
        for (AgreedAction a : agreed) {
            AgencyAction action = actions.save(new AgencyAction(references.next("AA", "agency_action_number_seq"), series,
                    meeting.getId(), a.description(), a.staffUser(), a.staffGroup(), a.agency(), a.dueOn()));
            lines.add("- " + a.description() + " (" + action.owner() + ", by " + a.dueOn() + ")");
            if (a.staffUser() != null && !reads.mayRead(a.staffUser(), series.getStudentId(), series.getConfidentiality())
                    && policy.mayShare(viewer, reads.classify(action))) {
                policy.share(viewer, reads.classify(action), a.staffUser(), "Owner of an action agreed at a " + reads.kindName(series));
            }
        }
        String next = nextOn != null ? "Next meeting: " + nextOn : "The series ends: " + endReason;
        reads.record(series, viewer.userId(), reads.kindName(series) + " held on " + heldOn,
                AgencyMeetings.joined("Invited: ", invited, "Attended: ", attended, "", minutes,
                        "Actions agreed:\n", String.join("\n", lines), "", next));
        if (nextOn != null) {
            series.nextMeetingOn(nextOn);
        } else {
            series.close(viewer.userId(), endReason, clock.instant());
        }
        return meeting;
    }

    /** A school action done, as its owner says in their task: into the chronology. */
    @Transactional
    public void schoolActionDone(AgencyAction action, LocalDate doneOn, String what, Viewer viewer) {
        action.finish(AgencyAction.DONE, doneOn, what);
        reads.record(reads.byId(action.getSeriesId()), viewer.userId(), "Action done: " + action.getDescription(),
                AgencyMeetings.joined("Done on ", doneOn.toString(), "", what));
    }

    /**
     * Another agency's action reported done from the series page (the agency told the school), by the
     * series' keeper, while it waits for news; while it is being chased, the chase task says so instead.
     */
    @Transactional
    public void agencyActionDone(String seriesReference, String actionReference, FormData data, Viewer viewer) {
        MeetingSeries series = reads.readable(seriesReference, viewer);
        AgencyAction action = reads.actionsOf(series, viewer).stream().filter(a -> a.getReference().equals(actionReference))
                .findFirst().orElseThrow(() -> new NotFoundException("Nothing was found there."));
        reads.requireKeeper(series, viewer);
        LocalDate doneOn = data.date("doneOn", "Done on", true);
        if (doneOn != null && doneOn.isAfter(LocalDate.now(clock))) {
            data.reject("doneOn", "Done on cannot be in the future.");
        }
        String what = data.text("done", "What the agency did", 5000, true);
        if (!reads.waitsForAgency(action)) {
            data.reject("done", action.isOpen() && !action.isSchool()
                    ? "This action is being chased: record what the agency said in the chase task."
                    : "Only another agency's open action is marked done here.");
        }
        data.throwIfInvalid();
        action.finish(AgencyAction.DONE, doneOn, what);
        reads.record(series, viewer.userId(), "Action done by " + action.getAgency() + ": " + action.getDescription(),
                AgencyMeetings.joined("Done on ", doneOn.toString(), "", what));
        processes.correlate(AgencyMeetingProcess.MESSAGE_ACTION_DONE, action.getProcessInstanceId(), Map.of(), Map.of());
    }

    /** The keeper chased the agency: done, a new date agreed, or dropped. */
    @Transactional
    public void chased(AgencyAction action, String outcome, LocalDate newDue, String note, Viewer viewer) {
        String summary = switch (outcome) {
            case AgencyMeetingProcess.DONE -> {
                action.finish(AgencyAction.DONE, LocalDate.now(clock), note);
                yield "Chased " + action.getAgency() + ": the action is done";
            }
            case AgencyMeetingProcess.NEW_DATE -> {
                action.chasedUntil(newDue);
                yield "Chased " + action.getAgency() + ": now due " + newDue;
            }
            default -> {
                action.finish(AgencyAction.DROPPED, LocalDate.now(clock), note);
                yield "Chased " + action.getAgency() + ": the action is dropped";
            }
        };
        reads.record(reads.byId(action.getSeriesId()), viewer.userId(), summary, "Action: " + action.getDescription() + "\n\n" + note);
    }
}
