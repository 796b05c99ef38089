package org.pastoralflow.workflow;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Due dates and timers in school days, used from the models as
 * {@code ${deadlines.fromNow('referral.dsl-review')}}. The number of school days for each named
 * deadline is configuration ({@code pastoral.deadlines.*}); the clock is the engine's, so
 * process tests move time the same way the engine sees it.
 */
public class Deadlines {

    private final Map<String, Integer> schoolDays;
    private final Supplier<SchoolCalendar> calendar;
    private final ZoneId zone;

    public Deadlines(Map<String, Integer> schoolDays, Supplier<SchoolCalendar> calendar, ZoneId zone) {
        this.schoolDays = Map.copyOf(schoolDays);
        this.calendar = calendar;
        this.zone = zone;
    }

    /** The same time of day, {@code n} school days from now, where n is the named deadline. */
    public Date fromNow(String name) {
        return after(ClockUtil.getCurrentTime(), name);
    }

    /**
     * Deadlines are to the minute: a task's due date and its boundary timer are computed a few
     * microseconds apart and must agree.
     */
    public Date after(Date start, String name) {
        ZonedDateTime from = start.toInstant().atZone(zone).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime due = calendar.get().addSchoolDays(from.toLocalDate(), schoolDaysFor(name))
                .atTime(from.toLocalTime()).atZone(zone);
        return Date.from(due.toInstant());
    }

    public int schoolDaysFor(String name) {
        Integer days = schoolDays.get(name);
        if (days == null) {
            throw new IllegalArgumentException("No deadline '" + name + "' in pastoral.deadlines; known: " + schoolDays.keySet());
        }
        return days;
    }
}
