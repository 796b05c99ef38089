package org.pastoralflow.workflow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * Which days are school days: weekdays inside a term that are not a holiday, INSET day or bank
 * holiday. Immutable; {@link TermDates} builds a new one when an administrator edits the dates.
 * Dates after the last term the school has entered count every weekday, so a deadline is never
 * pushed out indefinitely by a calendar nobody has filled in yet.
 */
public final class SchoolCalendar {

    public record Term(String name, LocalDate startsOn, LocalDate endsOn) {
        boolean contains(LocalDate d) {
            return !d.isBefore(startsOn) && !d.isAfter(endsOn);
        }
    }

    public record Closure(LocalDate startsOn, LocalDate endsOn, String kind, String description) {
        boolean contains(LocalDate d) {
            return !d.isBefore(startsOn) && !d.isAfter(endsOn);
        }
    }

    private final List<Term> terms;
    private final List<Closure> closures;
    private final LocalDate lastKnownDay;

    public SchoolCalendar(List<Term> terms, List<Closure> closures) {
        this.terms = List.copyOf(terms);
        this.closures = List.copyOf(closures);
        this.lastKnownDay = terms.stream().map(Term::endsOn).max(LocalDate::compareTo).orElse(LocalDate.MIN);
    }

    public boolean isSchoolDay(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        if (day.isAfter(lastKnownDay)) {
            return true;
        }
        return terms.stream().anyMatch(t -> t.contains(day)) && closures.stream().noneMatch(c -> c.contains(day));
    }

    /** The n-th school day after {@code from} (n = 0 gives {@code from} itself if it is a school day, else the next one). */
    public LocalDate addSchoolDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("school days must not be negative: " + n);
        }
        LocalDate day = from;
        if (n == 0) {
            while (!isSchoolDay(day)) {
                day = day.plusDays(1);
            }
            return day;
        }
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isSchoolDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** School days strictly after {@code from} up to and including {@code to}. */
    public int schoolDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isSchoolDay(d)) {
                count++;
            }
        }
        return count;
    }

    public List<Term> terms() {
        return terms;
    }

    /** The current term as a page means it: the last to have begun on or before the day (in a holiday, the one just ended). */
    public java.util.Optional<Term> termBegunBy(LocalDate day) {
        return terms.stream().filter(t -> !t.startsOn().isAfter(day)).max(java.util.Comparator.comparing(Term::startsOn));
    }

    public List<Closure> closures() {
        return closures;
    }
}
