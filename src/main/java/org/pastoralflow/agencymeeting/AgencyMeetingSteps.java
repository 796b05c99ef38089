package org.pastoralflow.agencymeeting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.notification.Notifier;
import org.pastoralflow.workflow.Processes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the models' service tasks do: set each agreed action going, and tell the keeper a school action is overdue. */
@Service
public class AgencyMeetingSteps {

    private final AgencyMeetings reads;
    private final AgencyActionRepository actions;
    private final Processes processes;
    private final Notifier notifier;

    AgencyMeetingSteps(AgencyMeetings reads, AgencyActionRepository actions, Processes processes, Notifier notifier) {
        this.reads = reads;
        this.actions = actions;
        this.processes = processes;
        this.notifier = notifier;
    }

    /** Starts agency-action.bpmn for each action agreed at the meeting: a task for school staff, tracking for an agency. */
    @Transactional
    public int startActions(Long meetingId) {
        List<AgencyAction> agreed = actions.findByMeetingIdAndProcessInstanceIdIsNullOrderById(meetingId);
        for (AgencyAction a : agreed) {
            MeetingSeries s = reads.byId(a.getSeriesId());
            Map<String, Object> vars = new HashMap<>();
            vars.put(AgencyMeetingProcess.ACTION_ID, a.getId());
            vars.put(AgencyMeetingProcess.STUDENT_ID, a.getStudentId());
            vars.put(AgencyMeetingProcess.REFERENCE, a.getReference());
            vars.put(AgencyMeetingProcess.SCHOOL_ACTION, a.isSchool());
            vars.put(AgencyMeetingProcess.ACTION_ASSIGNEE, a.getStaffUser());
            vars.put(AgencyMeetingProcess.OWNER_GROUP, s.getOwnerGroup());
            vars.put(AgencyMeetingProcess.OWNER, s.getOwner());
            a.started(processes.start(AgencyMeetingProcess.ACTION_KEY, a.getReference(), vars));
        }
        return agreed.size();
    }

    /** An e-mail to the series' keeper that a school action is past its date; it names no child and says nothing of the action. */
    @Transactional
    public void tellActionOverdue(Long actionId) {
        AgencyAction a = reads.actionById(actionId);
        if (!a.isOpen()) {
            return;
        }
        MeetingSeries s = reads.byId(a.getSeriesId());
        String subject = "Action " + a.getReference() + " from a meeting is overdue";
        String text = "An action agreed at a multi-agency meeting you keep is past its due date. Open the series to see it.";
        String path = "/agency-meetings/" + s.getReference();
        if (s.getOwner() != null) {
            notifier.toUsers(List.of(s.getOwner()), subject, text, path, reads.classify(s));
        } else {
            notifier.toGroups(List.of(s.getOwnerGroup()), subject, text, path, reads.classify(s));
        }
    }
}
