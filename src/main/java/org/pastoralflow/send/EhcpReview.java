package org.pastoralflow.send;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/**
 * One annual review of an EHCP, filled in as ehcp-annual-review.bpmn goes: the meeting's date (from
 * which the two-week deadlines before and after it run), the invitations, the advice, the meeting with
 * the pupil's and parents' views, the report to the local authority and the authority's decision.
 */
@Entity
public class EhcpReview {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ehcp_review_seq")
    @SequenceGenerator(name = "ehcp_review_seq", sequenceName = "ehcp_review_seq", allocationSize = 50)
    private Long id;
    private Long ehcpPlanId;
    private LocalDate dueOn;
    private LocalDate meetingOn;
    private String lateReason;
    private LocalDate invitationsSentOn;
    private String invited;
    private LocalDate adviceCirculatedOn;
    private String adviceFrom;
    private LocalDate heldOn;
    private String attended;
    private String pupilViews;
    private String parentViews;
    private String recommendation;
    private LocalDate reportSentOn;
    private Instant laChasedAt;
    private String laDecision;
    private LocalDate laDecidedOn;
    private String laNotes;
    private String chased;
    private Instant closedAt;
    @Version
    private Long version;

    protected EhcpReview() {
    }

    EhcpReview(Long ehcpPlanId, LocalDate dueOn) {
        this.ehcpPlanId = ehcpPlanId;
        this.dueOn = dueOn;
    }

    void meetingSet(LocalDate on, String lateReason) {
        this.meetingOn = on;
        this.lateReason = lateReason;
    }

    /** The meeting moved before it was held; a date after the review is due keeps the reason as the lateness's. */
    void meetingMoved(LocalDate on, String reason) {
        this.meetingOn = on;
        this.lateReason = on.isAfter(dueOn) ? reason : null;
    }

    void invitationsSent(LocalDate on, String invited) {
        this.invitationsSentOn = on;
        this.invited = invited;
    }

    void adviceCirculated(LocalDate on, String from) {
        this.adviceCirculatedOn = on;
        this.adviceFrom = from;
    }

    void held(LocalDate on, String attended, String pupilViews, String parentViews, String recommendation) {
        this.heldOn = on;
        this.attended = attended;
        this.pupilViews = pupilViews;
        this.parentViews = parentViews;
        this.recommendation = recommendation;
    }

    void reportSent(LocalDate on) {
        this.reportSentOn = on;
    }

    void decided(String decision, LocalDate on, String notes, Instant at) {
        this.laDecision = decision;
        this.laDecidedOn = on;
        this.laNotes = notes;
        this.closedAt = at;
    }

    /** What was chased and when the authority was chased: the page shows it, each thing once. */
    void chased(String what, Instant at) {
        // The authority may be chased many times: the list says what was chased, once each; laChasedAt says when last.
        if (chased == null) {
            this.chased = what;
        } else if (!java.util.Arrays.asList(chased.split(", ")).contains(what)) {
            this.chased = chased + ", " + what;
        }
        if (EhcpReviewProcess.CHASE_LA.equals(what)) {
            this.laChasedAt = at;
        }
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    /** Where the review stands, in the SENCO's words. */
    public String stage() {
        if (closedAt != null) {
            return "Decided by the local authority";
        }
        if (reportSentOn != null) {
            return "Waiting for the local authority's decision";
        }
        if (heldOn != null) {
            return "Meeting held; report to the local authority";
        }
        if (meetingOn != null) {
            return "Meeting on " + meetingOn;
        }
        return "Meeting to arrange";
    }

    public Long getId() {
        return id;
    }

    public Long getEhcpPlanId() {
        return ehcpPlanId;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public LocalDate getMeetingOn() {
        return meetingOn;
    }

    public String getLateReason() {
        return lateReason;
    }

    public LocalDate getInvitationsSentOn() {
        return invitationsSentOn;
    }

    public String getInvited() {
        return invited;
    }

    public LocalDate getAdviceCirculatedOn() {
        return adviceCirculatedOn;
    }

    public String getAdviceFrom() {
        return adviceFrom;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public String getAttended() {
        return attended;
    }

    public String getPupilViews() {
        return pupilViews;
    }

    public String getParentViews() {
        return parentViews;
    }

    public String getRecommendation() {
        return recommendation;
    }

    public LocalDate getReportSentOn() {
        return reportSentOn;
    }

    public Instant getLaChasedAt() {
        return laChasedAt;
    }

    public String getLaDecision() {
        return laDecision;
    }

    public LocalDate getLaDecidedOn() {
        return laDecidedOn;
    }

    public String getLaNotes() {
        return laNotes;
    }

    public String getChased() {
        return chased;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
