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

    /** Read at each use, never copied: the school changes its deadlines on the settings page while the application runs. */
    private final Supplier<Map<String, Integer>> schoolDays;
    private final Supplier<SchoolCalendar> calendar;
    private final ZoneId zone;

    public Deadlines(Map<String, Integer> schoolDays, Supplier<SchoolCalendar> calendar, ZoneId zone) {
        this(constant(Map.copyOf(schoolDays)), calendar, zone);
    }

    /** Deadlines as they are at each use: {@code schoolDays} is asked every time (the bound settings, WorkflowConfig). */
    public Deadlines(Supplier<Map<String, Integer>> schoolDays, Supplier<SchoolCalendar> calendar, ZoneId zone) {
        this.schoolDays = schoolDays;
        this.calendar = calendar;
        this.zone = zone;
    }

    private static Supplier<Map<String, Integer>> constant(Map<String, Integer> days) {
        return () -> days;
    }

    /** The same time of day, {@code n} school days from now, where n is the named deadline. */
    public Date fromNow(String name) {
        return after(ClockUtil.getCurrentTime(), name);
    }

    /**
     * The end of the day (23:59, the school's time) {@code n} school days from now, where n is the
     * named deadline: with n = 0, "the same school day" (the next school day when today is not one).
     */
    public Date endOfDayFromNow(String name) {
        ZonedDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(zone);
        return Date.from(calendar.get().addSchoolDays(now.toLocalDate(), schoolDaysFor(name))
                .atTime(23, 59).atZone(zone).toInstant());
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
        Map<String, Integer> now = schoolDays.get();
        Integer days = now.get(name);
        if (days == null) {
            throw new IllegalArgumentException("No deadline '" + name + "' in pastoral.deadlines; known: " + now.keySet());
        }
        return days;
    }
}
