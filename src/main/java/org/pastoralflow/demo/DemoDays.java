package org.pastoralflow.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.pastoralflow.workflow.SchoolCalendar;
import org.pastoralflow.workflow.SchoolTerm;

/**
 * The school days the demo's term covers: the last term that began at least four weeks before
 * today, from its first day up to yesterday (or its last day, if it has ended), so the term runs up
 * to today and the early-intervention list, which looks back from today, has something to find.
 * With no such term in the calendar, the thirteen weeks before today.
 */
record DemoDays(String termName, List<LocalDate> schoolDays, ZoneId zone) {

    static DemoDays before(LocalDate today, List<SchoolTerm> terms, SchoolCalendar calendar, ZoneId zone) {
        SchoolTerm term = null;
        for (SchoolTerm t : terms) {
            if (!t.getStartsOn().isAfter(today.minusWeeks(4))) {
                term = t;
            }
        }
        LocalDate first = term == null ? today.minusWeeks(13) : term.getStartsOn();
        LocalDate last = term == null || !term.getEndsOn().isBefore(today) ? today.minusDays(1) : term.getEndsOn();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (calendar.isSchoolDay(d)) {
                days.add(d);
            }
        }
        if (days.size() < 20) {
            // a calendar that does not cover these weeks: every weekday is a school day
            days.clear();
            for (LocalDate d = today.minusWeeks(13); d.isBefore(today); d = d.plusDays(1)) {
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    days.add(d);
                }
            }
            term = null;
        }
        return new DemoDays(term == null ? "the last thirteen weeks" : term.getName(), List.copyOf(days), zone);
    }

    LocalDate first() {
        return schoolDays.get(0);
    }

    LocalDate last() {
        return schoolDays.get(schoolDays.size() - 1);
    }

    /** The n-th school day of the term (0 is the first), or the last when the term is shorter. */
    LocalDate fromStart(int n) {
        return schoolDays.get(Math.min(n, schoolDays.size() - 1));
    }

    /** The school day n school days before the last (0 is the last). */
    LocalDate fromEnd(int n) {
        return schoolDays.get(Math.max(0, schoolDays.size() - 1 - n));
    }

    int size() {
        return schoolDays.size();
    }

    Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
    }

    /** The Mondays of the weeks that have school days, in order: one attendance import each. */
    List<LocalDate> weeks() {
        List<LocalDate> mondays = new ArrayList<>();
        for (LocalDate d : schoolDays) {
            LocalDate monday = d.with(DayOfWeek.MONDAY);
            if (mondays.isEmpty() || !mondays.get(mondays.size() - 1).equals(monday)) {
                mondays.add(monday);
            }
        }
        return mondays;
    }

    /** How many school days the week of this Monday has in the term. */
    int schoolDaysInWeek(LocalDate monday) {
        return (int) schoolDays.stream().filter(d -> !d.isBefore(monday) && d.isBefore(monday.plusDays(7))).count();
    }
}
