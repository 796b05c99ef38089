package org.pastoralflow.reportcard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.pastoralflow.workflow.SchoolCalendar;
import org.pastoralflow.workflow.TermDates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When things happen on a card, by the school calendar and the school day's times: used from
 * report-card.bpmn's timers ({@code ${reportCardTimes.nextReview(reportCardId)}}) and by the pages.
 * A card runs on school days from its first day to its last; a "week" is five of its school days,
 * so a half-term in the middle does not count; everything falls at the end of the school day.
 */
@Component("reportCardTimes")
public class ReportCardTimes {

    static final int WEEK = 5;

    private final ReportCardSettings settings;
    private final Supplier<SchoolCalendar> calendar;
    private final Clock clock;
    private final Function<Long, ReportCard> cards;

    @Autowired
    ReportCardTimes(ReportCardSettings settings, TermDates termDates, Clock clock, ReportCardRepository cards) {
        this(settings, termDates::calendar, clock, id -> cards.findById(id).orElseThrow());
    }

    ReportCardTimes(ReportCardSettings settings, Supplier<SchoolCalendar> calendar, Clock clock, Function<Long, ReportCard> cards) {
        this.settings = settings;
        this.calendar = calendar;
        this.clock = clock;
        this.cards = cards;
    }

    /** The end of the next school day still to come (today's, if it has not ended): the day's summary and the chase. */
    public Date nextEndOfDay() {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate day = calendar.get().addSchoolDays(now.toLocalDate(), 0);
        if (day.equals(now.toLocalDate()) && !now.toLocalTime().isBefore(settings.dayEnds())) {
            day = calendar.get().addSchoolDays(day, 1);
        }
        return endOf(day);
    }

    /**
     * The end of the next of the card's weeks still to come; when no whole week is left before the
     * last day, a day after the end, so the final review comes first.
     */
    public Date nextReview(Long cardId) {
        ReportCard card = cards.apply(cardId);
        LocalDate today = today();
        LocalDate day = lastDayOfWeek(card.getStartsOn(), 1);
        for (int week = 2; day.isBefore(today) || day.equals(today) && !beforeEndOfDay(); week++) {
            day = lastDayOfWeek(card.getStartsOn(), week);
        }
        if (!day.isBefore(card.getEndsOn())) {
            return Date.from(endOf(card.getEndsOn()).toInstant().plusSeconds(86_400));
        }
        return endOf(day);
    }

    /** The end of the card's last day: the final review. */
    public Date end(Long cardId) {
        return endOf(cards.apply(cardId).getEndsOn());
    }

    /** The last of {@code n} school days from the first (n = 1: the first day itself, if a school day). */
    public LocalDate lastDay(LocalDate first, int n) {
        return calendar.get().addSchoolDays(calendar.get().addSchoolDays(first, 0), n - 1);
    }

    private LocalDate lastDayOfWeek(LocalDate first, int week) {
        return lastDay(first, week * WEEK);
    }

    /** The card's school days from {@code from} to {@code to}, both included. */
    public List<LocalDate> schoolDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.get().isSchoolDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    /** How many school days a card from {@code first} to {@code last} runs. */
    public int length(LocalDate first, LocalDate last) {
        return schoolDays(first, last).size();
    }

    public boolean isSchoolDay(LocalDate day) {
        return calendar.get().isSchoolDay(day);
    }

    /** How many of the day's lessons have started by now: all of a past day's, none of a future day's. */
    public int lessonsHappened(LocalDate day) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (day.isBefore(now.toLocalDate())) {
            return settings.periodsPerDay();
        }
        if (day.isAfter(now.toLocalDate())) {
            return 0;
        }
        return (int) settings.periodStarts().stream().filter(start -> !start.isAfter(now.toLocalTime())).count();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private boolean beforeEndOfDay() {
        return LocalTime.now(clock).isBefore(settings.dayEnds());
    }

    private Date endOf(LocalDate day) {
        return Date.from(day.atTime(settings.dayEnds()).atZone(clock.getZone()).toInstant());
    }
}
