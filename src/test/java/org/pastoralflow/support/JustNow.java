package org.pastoralflow.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.pastoralflow.workflow.SchoolClock;

/**
 * "Just now", for a test that records something that has happened: the current minute by the
 * application's clock (the engine's, in the school's zone). Forms refuse a time still to come, so
 * this is accepted at any hour, where "today at 10:40" was refused before 10:40; and a test that
 * moves the engine's clock moves it too.
 */
public final class JustNow {

    public static final ZoneId SCHOOL = ZoneId.of("Europe/London");
    private static final Clock CLOCK = new SchoolClock(SCHOOL);

    private JustNow() {
    }

    public static LocalDateTime at() {
        return LocalDateTime.now(CLOCK).truncatedTo(ChronoUnit.MINUTES);
    }

    /** Today by the application's clock. */
    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    /** The date part, as a date field is sent: "2026-12-02". */
    public static String date() {
        return at().toLocalDate().toString();
    }

    /** The time part, as a time field is sent: "10:40". */
    public static String time() {
        return at().toLocalTime().toString();
    }

    /** Both, as a date-and-time field is sent: "2026-12-02T10:40". */
    public static String dateTime() {
        return at().toString();
    }
}
