package org.pastoralflow.transition;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

import org.pastoralflow.support.ProcessTestEngine;
import org.pastoralflow.workflow.Deadlines;
import org.pastoralflow.workflow.SchoolCalendar;

/**
 * The school year 2026-27 and autumn 2027 as the demo school has them (V3__term_dates.sql): the
 * allocation list arrives in March 2027, the cohort joins on 1 September 2027.
 */
final class TransitionTestCalendar {

    static final SchoolCalendar CALENDAR = new SchoolCalendar(
            List.of(new SchoolCalendar.Term("Autumn 2026", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 18)),
                    new SchoolCalendar.Term("Spring 2027", LocalDate.of(2027, 1, 4), LocalDate.of(2027, 3, 25)),
                    new SchoolCalendar.Term("Summer 2027", LocalDate.of(2027, 4, 12), LocalDate.of(2027, 7, 21)),
                    new SchoolCalendar.Term("Autumn 2027", LocalDate.of(2027, 9, 1), LocalDate.of(2027, 12, 17))),
            List.of(new SchoolCalendar.Closure(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 4), "INSET", "INSET day"),
                    new SchoolCalendar.Closure(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 2, 19), "HALF_TERM", "Half-term"),
                    new SchoolCalendar.Closure(LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 3), "BANK_HOLIDAY", "Early May"),
                    new SchoolCalendar.Closure(LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 4), "HALF_TERM", "Half-term"),
                    new SchoolCalendar.Closure(LocalDate.of(2027, 7, 21), LocalDate.of(2027, 7, 21), "INSET", "INSET day"),
                    new SchoolCalendar.Closure(LocalDate.of(2027, 9, 1), LocalDate.of(2027, 9, 2), "INSET", "INSET days"),
                    new SchoolCalendar.Closure(LocalDate.of(2027, 10, 25), LocalDate.of(2027, 10, 29), "HALF_TERM", "Half-term")));

    static final TransitionSettings SETTINGS = new TransitionSettings(5, 10, 35, 5);

    static final LocalDate INTERVIEWS_DUE = LocalDate.of(2027, 6, 25);

    private TransitionTestCalendar() {
    }

    static Deadlines deadlines() {
        return new Deadlines(ProcessTestEngine.DEADLINES, () -> CALENDAR, ProcessTestEngine.LONDON);
    }

    static TransitionCalendar transitionCalendar() {
        return new TransitionCalendar(CALENDAR, SETTINGS);
    }

    static Date at(LocalDateTime t) {
        return Date.from(t.atZone(ProcessTestEngine.LONDON).toInstant());
    }

    static Date endOf(LocalDate day) {
        return at(day.atTime(23, 59));
    }
}
