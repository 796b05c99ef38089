package org.pastoralflow.send;

import java.time.Clock;
import java.time.LocalDate;

import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.ProcessWaits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the annual review's task forms write, each step into the chronology as SEND. */
@Service
public class EhcpReviewRecording {

    private final SenRegister register;
    private final SenRecording recording;
    private final Clock clock;
    private final EhcpReviewTimes times;
    private final ProcessWaits waits;

    EhcpReviewRecording(SenRegister register, SenRecording recording, Clock clock, EhcpReviewTimes times, ProcessWaits waits) {
        this.register = register;
        this.recording = recording;
        this.clock = clock;
        this.times = times;
        this.waits = waits;
    }

    @Transactional
    public void arrange(EhcpReview review, LocalDate meetingOn, String lateReason, Viewer viewer) {
        register.review(review.getId()).meetingSet(meetingOn, lateReason);
        note(review, EntryKind.NOTE, viewer, "annual review meeting set for " + meetingOn,
                "Due by " + review.getDueOn() + (lateReason == null ? "." : ". Later than due because: " + lateReason));
    }

    /**
     * The meeting rearranged before it is held, with the reason: the review's invitations-by and advice-by dates, the
     * meeting task's due date and the timers that chase them follow the new date (the model's expressions read again).
     * Invitations already sent stay recorded; the SENCO tells everyone invited of the new date.
     */
    @Transactional
    public EhcpReview moveMeeting(Long studentId, FormData data, Viewer viewer) {
        register.pupil(studentId, viewer);
        EhcpPlan plan = register.planOf(studentId).orElse(null);
        EhcpReview review = plan == null ? null : register.reviewsOf(plan).stream().filter(EhcpReview::isOpen).findFirst().orElse(null);
        LocalDate on = data.date("meetingOn", "New date of the meeting", true);
        String reason = data.text("reason", "Why the meeting moved", 2000, true);
        if (review == null || review.getMeetingOn() == null || review.getHeldOn() != null) {
            data.reject("meetingOn", "There is no arranged meeting still to be held to move.");
        } else if (on != null && !on.isAfter(LocalDate.now(clock))) {
            data.reject("meetingOn", "New date of the meeting must be after today.");
        } else if (on != null && on.equals(review.getMeetingOn())) {
            data.reject("meetingOn", "The meeting is on " + on + " already.");
        }
        data.throwIfInvalid();
        EhcpReview r = register.review(review.getId());
        LocalDate from = r.getMeetingOn();
        r.meetingMoved(on, reason);
        note(r, EntryKind.NOTE, viewer, "annual review meeting moved from " + from + " to " + on, "Why: " + reason
                + (on.isAfter(r.getDueOn()) ? " (after the review was due, " + r.getDueOn() + ")" : ""));
        waits.follow(plan.getProcessInstanceId(), times.taskDueDates(r.getId()));
        return r;
    }

    @Transactional
    public void invitationsSent(EhcpReview review, LocalDate on, String invited, Viewer viewer) {
        register.review(review.getId()).invitationsSent(on, invited);
        note(review, EntryKind.CONTACT_HOME, viewer, "invitations to the annual review sent " + on, "Invited: " + invited);
    }

    @Transactional
    public void adviceCirculated(EhcpReview review, LocalDate on, String from, Viewer viewer) {
        register.review(review.getId()).adviceCirculated(on, from);
        note(review, EntryKind.NOTE, viewer, "advice for the annual review circulated " + on, "Advice from: " + from);
    }

    @Transactional
    public void held(EhcpReview review, LocalDate on, String attended, String pupilViews, String parentViews, String recommendation,
                     Viewer viewer) {
        EhcpReview r = register.review(review.getId());
        r.held(on, attended, pupilViews, parentViews, recommendation);
        EhcpPlan plan = register.plan(r.getEhcpPlanId());
        plan.reviewed(on);
        note(r, EntryKind.REVIEW, viewer, "annual review meeting held " + on + ": recommends "
                        + EhcpReviewForms.RECOMMENDATIONS.get(recommendation).toLowerCase(),
                "Attended: " + attended + "\n\nThe young person's views: " + pupilViews + "\n\nThe parents' views: " + parentViews);
    }

    @Transactional
    public void reportSent(EhcpReview review, LocalDate on, Viewer viewer) {
        register.review(review.getId()).reportSent(on);
        note(review, EntryKind.NOTE, viewer, "annual review report sent to the local authority " + on, "");
    }

    @Transactional
    public void decided(EhcpReview review, String decision, LocalDate on, String notes, Viewer viewer) {
        EhcpReview r = register.review(review.getId());
        r.decided(decision, on, notes, clock.instant());
        if (EhcpReviewProcess.CEASE.equals(decision)) {
            register.plan(r.getEhcpPlanId()).ceased(on);
        }
        note(r, EntryKind.DECISION, viewer, "the local authority decided on " + on + " to "
                + EhcpReviewForms.DECISIONS.get(decision).toLowerCase(), notes);
    }

    private void note(EhcpReview review, EntryKind kind, Viewer viewer, String what, String detail) {
        EhcpPlan plan = register.plan(review.getEhcpPlanId());
        recording.record(plan.getStudentId(), kind, viewer.userId(), "EHCP " + plan.getReference() + ": " + what, detail,
                EhcpReviewProcess.SOURCE_TYPE, plan.getId());
    }
}
