package org.pastoralflow.transition.process;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.pastoralflow.transition.TransitionCalendar;
import org.pastoralflow.transition.TransitionCohort;
import org.pastoralflow.transition.Transitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The dates transition.bpmn waits for that come from the term dates and the cohort rather than a
 * number of school days after a step: {@code ${transitionDates.cpFileDue(entryYear)}} and so on.
 * Each is the end of its day (23:59, the school's time), so a task's due date and its timer agree.
 * "Today" is the application's clock (the engine's, in the school's zone), so process tests move time
 * the way the engine sees it.
 */
@Component("transitionDates")
public class TransitionDates {

    private final Supplier<TransitionCalendar> calendar;
    private final IntFunction<LocalDate> interviewsDue;
    private final Clock clock;

    @Autowired
    public TransitionDates(Transitions transitions, Clock clock) {
        this(transitions::calendar, year -> transitions.cohort(year).map(TransitionCohort::getInterviewsDue)
                .orElseThrow(() -> new IllegalStateException("No cohort " + year)), clock);
    }

    public TransitionDates(Supplier<TransitionCalendar> calendar, IntFunction<LocalDate> interviewsDue, Clock clock) {
        this.calendar = calendar;
        this.interviewsDue = interviewsDue;
        this.clock = clock;
    }

    /** 06:00 on 1 September: the student becomes a Year 7 student of the school. */
    public Date firstSeptember(int entryYear) {
        return at(TransitionCalendar.firstSeptember(entryYear), LocalTime.of(6, 0));
    }

    public Date cpFileDue(int entryYear) {
        return endOf(calendar.get().cpFileDue(entryYear, LocalDate.now(clock)));
    }

    public Date interviewsDue(int entryYear) {
        return endOf(interviewsDue.apply(entryYear));
    }

    public Date rightStartDue(int entryYear) {
        return endOf(calendar.get().rightStartDue(entryYear));
    }

    public Date settlingInDue(int entryYear) {
        return endOf(calendar.get().settlingInDue(entryYear));
    }

    private Date endOf(LocalDate day) {
        return at(day, LocalTime.of(23, 59));
    }

    private Date at(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(clock.getZone()).toInstant());
    }
}
