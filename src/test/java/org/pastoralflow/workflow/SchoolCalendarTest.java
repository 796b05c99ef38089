package org.pastoralflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.support.ProcessTestEngine;

class SchoolCalendarTest {

    final SchoolCalendar calendar = ProcessTestEngine.CALENDAR;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void weekendsHolidaysAndInsetDaysAreNotSchoolDays() {
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 23))).isTrue();   // Monday in term
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 21))).isFalse();  // Saturday
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 10, 28))).isFalse();  // half-term
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 9, 1))).isFalse();    // INSET
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 12, 23))).isFalse();  // Christmas holiday
        assertThat(calendar.isSchoolDay(LocalDate.of(2027, 1, 4))).isFalse();    // INSET
        assertThat(calendar.isSchoolDay(LocalDate.of(2027, 1, 5))).isTrue();
    }

    @Test
    void addsSchoolDaysAcrossWeekendsAndHolidays() {
        assertThat(calendar.addSchoolDays(LocalDate.of(2026, 11, 27), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(calendar.addSchoolDays(LocalDate.of(2026, 10, 23), 1)).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(calendar.addSchoolDays(LocalDate.of(2026, 12, 18), 1)).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(calendar.addSchoolDays(LocalDate.of(2026, 11, 23), 30)).isEqualTo(LocalDate.of(2027, 1, 19));
        assertThat(calendar.addSchoolDays(LocalDate.of(2026, 11, 21), 0)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void countsSchoolDaysBetweenDates() {
        assertThat(calendar.schoolDaysBetween(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30))).isEqualTo(5);
        assertThat(calendar.schoolDaysBetween(LocalDate.of(2026, 10, 23), LocalDate.of(2026, 11, 2))).isEqualTo(1);
    }

    @Test
    void daysAfterTheLastKnownTermCountEveryWeekdaySoDeadlinesNeverRunAway() {
        assertThat(calendar.addSchoolDays(LocalDate.of(2027, 3, 25), 1)).isEqualTo(LocalDate.of(2027, 3, 26));
    }

    @Test
    void deadlinesKeepTheTimeOfDayAndComeFromConfiguration() {
        Deadlines deadlines = ProcessTestEngine.deadlines();
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 11, 27, 15, 30).atZone(ProcessTestEngine.LONDON).toInstant()));
        assertThat(deadlines.fromNow("referral.pso-triage"))
                .isEqualTo(Date.from(LocalDateTime.of(2026, 12, 1, 15, 30).atZone(ProcessTestEngine.LONDON).toInstant()));
        assertThatThrownBy(() -> deadlines.fromNow("referral.nonsense")).hasMessageContaining("No deadline 'referral.nonsense'");
    }
}
