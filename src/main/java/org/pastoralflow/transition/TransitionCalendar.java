package org.pastoralflow.transition;

import java.time.LocalDate;
import java.time.Month;
import java.util.Comparator;

import org.pastoralflow.workflow.SchoolCalendar;

/**
 * The dates of a transition that come from the school's term dates rather than from a number of
 * school days after a step: the start of the autumn term, the KCSIE deadline for the child
 * protection file, the end of Right Start and the last school day before October half-term.
 */
public final class TransitionCalendar {

    private final SchoolCalendar calendar;
    private final TransitionSettings settings;

    public TransitionCalendar(SchoolCalendar calendar, TransitionSettings settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    /** The day the student becomes a Year 7 student of the school. */
    public static LocalDate firstSeptember(int entryYear) {
        return LocalDate.of(entryYear, Month.SEPTEMBER, 1);
    }

    /** The first day students are in: the first school day on or after 1 September (INSET days are not). */
    public LocalDate firstDayOfTerm(int entryYear) {
        return calendar.addSchoolDays(firstSeptember(entryYear), 0);
    }

    /**
     * KCSIE: the child protection file is with the new school within the first 5 school days of the
     * term; when it is expected later than that (a place allocated in the term), within 5 school days.
     */
    public LocalDate cpFileDue(int entryYear, LocalDate today) {
        LocalDate firstDay = firstDayOfTerm(entryYear);
        LocalDate termDeadline = calendar.addSchoolDays(firstDay, settings.cpFileSchoolDays() - 1);
        if (today.isBefore(firstDay)) {
            return termDeadline;
        }
        LocalDate inYear = calendar.addSchoolDays(today, settings.cpFileSchoolDays());
        return inYear.isAfter(termDeadline) ? inYear : termDeadline;
    }

    public LocalDate rightStartDue(int entryYear) {
        return calendar.addSchoolDays(firstDayOfTerm(entryYear), settings.rightStartSchoolDays() - 1);
    }

    /**
     * The last school day before October half-term (the first half-term that starts in October or
     * early November); when the calendar does not have it yet, a fixed number of school days into the term.
     */
    public LocalDate settlingInDue(int entryYear) {
        LocalDate first = firstDayOfTerm(entryYear);
        return calendar.closures().stream()
                .filter(c -> c.kind().equals("HALF_TERM") && c.startsOn().isAfter(first)
                        && c.startsOn().isBefore(LocalDate.of(entryYear, Month.NOVEMBER, 15)))
                .min(Comparator.comparing(SchoolCalendar.Closure::startsOn))
                .map(c -> lastSchoolDayBefore(c.startsOn()))
                .orElseGet(() -> calendar.addSchoolDays(first, settings.settlingInFallbackSchoolDays() - 1));
    }

    private LocalDate lastSchoolDayBefore(LocalDate day) {
        LocalDate d = day.minusDays(1);
        while (!calendar.isSchoolDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** Open milestones due on or before this day show amber on the board. */
    public LocalDate amberUntil(LocalDate today) {
        return calendar.addSchoolDays(today, settings.amberSchoolDays());
    }

    public LocalDate addSchoolDays(LocalDate from, int days) {
        return calendar.addSchoolDays(from, days);
    }
}
