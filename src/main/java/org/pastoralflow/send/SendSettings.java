package org.pastoralflow.send;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a school sets for EHCP annual reviews ({@code pastoral.send.*}), in calendar weeks as the SEND
 * Regulations 2014 count them: how long before a review is due the SENCO is asked to arrange it, and
 * by when that should be done; the two weeks before the meeting for invitations and advice (reg. 20(3), (4));
 * the two weeks after it for the report and the four for the authority's decision (both reg. 20), after which it is chased, and again every so many weeks until it comes; and the hour of the day a date's deadline falls at.
 * The SEN support reviews' interval is a deadline in school days ({@code pastoral.deadlines.send.*}).
 */
@ConfigurationProperties("pastoral.send")
public record SendSettings(Integer arrangeWeeksBefore, Integer arrangeDueWeeksBefore, Integer invitationWeeksBefore,
                           Integer adviceWeeksBefore, Integer reportWeeksAfter, Integer decisionWeeksAfter, LocalTime dayEnds,
                           Integer decisionChaseWeeks) {

    public SendSettings {
        arrangeWeeksBefore = arrangeWeeksBefore == null ? 10 : arrangeWeeksBefore;
        arrangeDueWeeksBefore = arrangeDueWeeksBefore == null ? 6 : arrangeDueWeeksBefore;
        invitationWeeksBefore = invitationWeeksBefore == null ? 2 : invitationWeeksBefore;
        adviceWeeksBefore = adviceWeeksBefore == null ? 2 : adviceWeeksBefore;
        reportWeeksAfter = reportWeeksAfter == null ? 2 : reportWeeksAfter;
        decisionWeeksAfter = decisionWeeksAfter == null ? 4 : decisionWeeksAfter;
        dayEnds = dayEnds == null ? LocalTime.of(17, 0) : dayEnds;
        decisionChaseWeeks = decisionChaseWeeks == null ? 2 : decisionChaseWeeks;
        if (decisionChaseWeeks < 1) {
            // A cycle of no weeks would chase the authority without end, at once.
            throw new IllegalArgumentException("pastoral.send.decision-chase-weeks must be at least 1, not " + decisionChaseWeeks);
        }
    }

    /** The regulations' defaults. */
    public static SendSettings defaults() {
        return new SendSettings(null, null, null, null, null, null, null, null);
    }
}
