package org.pastoralflow.send;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The dates of an annual review, from its due date and its meeting's: used by ehcp-annual-review.bpmn's
 * timers and due dates ({@code ${ehcpReviewTimes.invitationsBy(ehcpReviewId)}}) and by the pages. The
 * regulations count calendar weeks, not school days, so these do too; each falls at the end of the
 * working day of its date ({@code pastoral.send.day-ends}).
 */
@Component("ehcpReviewTimes")
public class EhcpReviewTimes {

    private final SendSettings settings;
    private final Clock clock;
    private final Function<Long, EhcpReview> reviews;

    @Autowired
    EhcpReviewTimes(SendSettings settings, Clock clock, EhcpReviewRepository reviews) {
        this(settings, clock, id -> reviews.findById(id).orElseThrow());
    }

    EhcpReviewTimes(SendSettings settings, Clock clock, Function<Long, EhcpReview> reviews) {
        this.settings = settings;
        this.clock = clock;
        this.reviews = reviews;
    }

    /** When the SENCO is asked to arrange the meeting (at once, when that is past). */
    public Date arrangeFrom(Long reviewId) {
        return at(reviews.apply(reviewId).getDueOn().minusWeeks(settings.arrangeWeeksBefore()));
    }

    public Date arrangeBy(Long reviewId) {
        return at(reviews.apply(reviewId).getDueOn().minusWeeks(settings.arrangeDueWeeksBefore()));
    }

    /** Reg. 20(3): at least two weeks' notice of the meeting, with the invitations at least two weeks before the meeting. */
    public Date invitationsBy(Long reviewId) {
        return at(invitationsDay(reviews.apply(reviewId)));
    }

    /** Reg. 20(4): the advice circulated at least two weeks before the meeting. */
    public Date adviceBy(Long reviewId) {
        return at(adviceDay(reviews.apply(reviewId)));
    }

    public Date meetingDay(Long reviewId) {
        return at(reviews.apply(reviewId).getMeetingOn());
    }

    /** Reg. 20: the report to the local authority within two weeks of the meeting. */
    public Date reportBy(Long reviewId) {
        return at(reportDay(reviews.apply(reviewId)));
    }

    /** Reg. 20: the authority decides within four weeks of the meeting; then it is chased. */
    public Date decisionBy(Long reviewId) {
        return at(decisionDay(reviews.apply(reviewId)));
    }

    /**
     * The chases of the authority, as an ISO 8601 cycle for the decision task's timer: at the decision's
     * deadline, then every {@code pastoral.send.decision-chase-weeks} until the decision is recorded (the
     * engine ends the cycle with the task). A cycle whose start has passed would wait for its next turn, so
     * when the report went after the deadline the first chase is a minute away, as the date timer was at once.
     */
    public String decisionChases(Long reviewId) {
        Instant deadline = at(decisionDay(reviews.apply(reviewId))).toInstant();
        Instant soonest = clock.instant().plusSeconds(60);
        Instant first = deadline.isAfter(soonest) ? deadline : soonest;
        return "R/" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(first.atZone(clock.getZone()))
                + "/P" + settings.decisionChaseWeeks() * 7 + "D";
    }

    /**
     * The due date of each of the review's tasks, as the model's {@code camunda:dueDate} expressions give them: read
     * again when the meeting moves (the engine reads them once, as a task is created).
     */
    public Map<String, Date> taskDueDates(Long reviewId) {
        return Map.of(EhcpReviewProcess.TASK_INVITE, invitationsBy(reviewId), EhcpReviewProcess.TASK_ADVICE, adviceBy(reviewId),
                EhcpReviewProcess.TASK_MEETING, meetingDay(reviewId), EhcpReviewProcess.TASK_REPORT, reportBy(reviewId),
                EhcpReviewProcess.TASK_DECISION, decisionBy(reviewId));
    }

    LocalDate invitationsDay(EhcpReview r) {
        return r.getMeetingOn().minusWeeks(settings.invitationWeeksBefore());
    }

    LocalDate adviceDay(EhcpReview r) {
        return r.getMeetingOn().minusWeeks(settings.adviceWeeksBefore());
    }

    LocalDate reportDay(EhcpReview r) {
        return held(r).plusWeeks(settings.reportWeeksAfter());
    }

    LocalDate decisionDay(EhcpReview r) {
        return held(r).plusWeeks(settings.decisionWeeksAfter());
    }

    private static LocalDate held(EhcpReview r) {
        return r.getHeldOn() != null ? r.getHeldOn() : r.getMeetingOn();
    }

    private Date at(LocalDate day) {
        return Date.from(day.atTime(settings.dayEnds()).atZone(clock.getZone()).toInstant());
    }
}
