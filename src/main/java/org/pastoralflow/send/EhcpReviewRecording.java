package org.pastoralflow.send;

import java.time.Clock;
import java.time.LocalDate;

import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the annual review's task forms write, each step into the chronology as SEND. */
@Service
public class EhcpReviewRecording {

    private final SenRegister register;
    private final SenRecording recording;
    private final Clock clock;

    EhcpReviewRecording(SenRegister register, SenRecording recording, Clock clock) {
        this.register = register;
        this.recording = recording;
        this.clock = clock;
    }

    @Transactional
    public void arrange(EhcpReview review, LocalDate meetingOn, String lateReason, Viewer viewer) {
        register.review(review.getId()).meetingSet(meetingOn, lateReason);
        note(review, EntryKind.NOTE, viewer, "annual review meeting set for " + meetingOn,
                "Due by " + review.getDueOn() + (lateReason == null ? "." : ". Later than due because: " + lateReason));
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
