package org.pastoralflow.agencymeeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.pastoralflow.workflow.SchoolCalendar;
import org.pastoralflow.workflow.TermDates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When things happen in a series and its actions, used from the models' timers and tasks
 * ({@code ${agencyMeetingTimes.nextMeeting(seriesId)}}): the reminder to record a meeting on its day,
 * a school action's due date, and the day another agency's action is chased, a few school days after
 * it was due (the agency is given the benefit of a late note). Everything falls at the reminder time.
 */
@Component("agencyMeetingTimes")
public class AgencyMeetingTimes {

    private final AgencyMeetingSettings settings;
    private final Supplier<SchoolCalendar> calendar;
    private final Clock clock;
    private final Function<Long, MeetingSeries> series;
    private final Function<Long, AgencyAction> actions;

    @Autowired
    AgencyMeetingTimes(AgencyMeetingSettings settings, TermDates termDates, Clock clock, MeetingSeriesRepository series,
                       AgencyActionRepository actions) {
        this(settings, termDates::calendar, clock, id -> series.findById(id).orElseThrow(), id -> actions.findById(id).orElseThrow());
    }

    AgencyMeetingTimes(AgencyMeetingSettings settings, Supplier<SchoolCalendar> calendar, Clock clock,
                       Function<Long, MeetingSeries> series, Function<Long, AgencyAction> actions) {
        this.settings = settings;
        this.calendar = calendar;
        this.clock = clock;
        this.series = series;
        this.actions = actions;
    }

    /** The next meeting's day at the reminder time: the task to record it comes then (at once when that has passed). */
    public Date nextMeeting(Long seriesId) {
        return at(series.apply(seriesId).getNextMeetingOn());
    }

    /** A school action's task is due on the action's due date. */
    public Date actionDue(Long actionId) {
        return at(actions.apply(actionId).getDueOn());
    }

    /** Another agency's action is chased this many school days after its due date. */
    public Date chaseAt(Long actionId) {
        return at(calendar.get().addSchoolDays(actions.apply(actionId).getDueOn(), settings.chaseAfterSchoolDays()));
    }

    /** The groups a school action is offered to: its group, or none when a named person has it. */
    public List<String> actionGroups(Long actionId) {
        AgencyAction action = actions.apply(actionId);
        return action.getStaffGroup() == null ? List.of() : List.of(action.getStaffGroup());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private Date at(LocalDate day) {
        return Date.from(day.atTime(reminderAt()).atZone(clock.getZone()).toInstant());
    }

    private LocalTime reminderAt() {
        return settings.reminderAt();
    }
}
