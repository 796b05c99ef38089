package org.pastoralflow.transition;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.pastoralflow.forms.FormData;

/** The dates a school sets for its intake: the transition days, and when interviews and enhanced visits are done by. */
public record CohortDates(LocalDate transitionDayFirst, LocalDate transitionDayLast, LocalDate interviewsDue) {

    /** What the import page suggests: the first Wednesday and Thursday of July, interviews by the Friday a week before. */
    public static CohortDates suggested(int entryYear) {
        LocalDate first = LocalDate.of(entryYear, 7, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        return new CohortDates(first, first.plusDays(1), first.minusDays(12));
    }

    /** Reads the three dates of a form, with an error beside each field that is wrong. */
    public static CohortDates read(FormData data, int entryYear) {
        LocalDate first = data.date("transitionDayFirst", "First transition day", true);
        LocalDate last = data.date("transitionDayLast", "Last transition day", true);
        LocalDate interviews = data.date("interviewsDue", "Interviews and enhanced visits done by", true);
        if (first != null && last != null && last.isBefore(first)) {
            data.reject("transitionDayLast", "The last transition day must not be before the first.");
        }
        if (first != null && last != null && first.plusDays(14).isBefore(last)) {
            data.reject("transitionDayLast", "The transition days must be within two weeks of each other.");
        }
        LocalDate september = LocalDate.of(entryYear, 9, 1);
        for (var d : new Object[][] {{"transitionDayFirst", first}, {"transitionDayLast", last}, {"interviewsDue", interviews}}) {
            LocalDate day = (LocalDate) d[1];
            if (day != null && (!day.isBefore(september) || day.isBefore(september.minusYears(1)))) {
                data.reject((String) d[0], "The date must be in the year before 1 September " + entryYear + ".");
            }
        }
        return new CohortDates(first, last, interviews);
    }
}
