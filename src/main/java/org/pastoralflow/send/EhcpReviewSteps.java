package org.pastoralflow.send;

import java.time.Clock;
import java.util.List;

import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.notification.Notifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What ehcp-annual-review.bpmn's service tasks do: open each year's review, and chase what is late. */
@Service
public class EhcpReviewSteps {

    private final SenRegister register;
    private final EhcpReviewRepository reviews;
    private final SenRecording recording;
    private final Notifier notifier;
    private final Clock clock;

    EhcpReviewSteps(SenRegister register, EhcpReviewRepository reviews, SenRecording recording, Notifier notifier, Clock clock) {
        this.register = register;
        this.reviews = reviews;
        this.recording = recording;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** The next annual review, due 12 months after the plan or its last review; returns its id. */
    @Transactional
    public Long openReview(Long planId) {
        EhcpPlan plan = register.plan(planId);
        return reviews.save(new EhcpReview(plan.getId(), plan.nextReviewDue())).getId();
    }

    /**
     * Something is late: the invitations, the advice, the report, or the authority's decision. The SENCO
     * group is e-mailed (naming no child) and the review remembers; chasing the authority goes into the
     * chronology, since it is a contact made about the child.
     */
    @Transactional
    public void chase(Long reviewId, String what) {
        EhcpReview review = register.review(reviewId);
        EhcpPlan plan = register.plan(review.getEhcpPlanId());
        review.chased(what, clock.instant());
        String subject = switch (what) {
            case EhcpReviewProcess.CHASE_LA -> "EHCP " + plan.getReference() + ": no decision from the local authority yet";
            default -> "EHCP " + plan.getReference() + ": the review's " + what + " are late";
        };
        String text = switch (what) {
            case EhcpReviewProcess.CHASE_LA -> "The local authority has not said within four weeks of the annual review meeting whether it "
                    + "will keep, amend or cease the plan. Please chase " + plan.getLocalAuthority() + " and record its decision.";
            case EhcpReviewProcess.CHASE_REPORT -> "The report of the annual review meeting should have reached the local authority within "
                    + "two weeks of the meeting. Please send it and record when.";
            default -> "The " + what + " for an annual review meeting should have gone out two weeks before the meeting. "
                    + "Please send them and record when; consider moving the meeting.";
        };
        notifier.toGroups(List.of("senco"), subject, text, "/send/students/" + plan.getStudentId(), plan.classification());
        if (EhcpReviewProcess.CHASE_LA.equals(what)) {
            recording.record(plan.getStudentId(), EntryKind.ESCALATION, "system", "EHCP " + plan.getReference()
                    + ": local authority's decision overdue, chased", "Meeting held " + review.getHeldOn() + "; report sent "
                    + review.getReportSentOn() + ".", EhcpReviewProcess.SOURCE_TYPE, plan.getId());
        }
    }
}
