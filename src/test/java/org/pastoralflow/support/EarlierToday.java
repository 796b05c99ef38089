package org.pastoralflow.support;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A moment today that has already passed in the school's time zone, for a test that records
 * something "today at 10:40": the forms refuse a time in the future, so a fixed time of day would
 * fail whenever the suite runs before it (CI ran at 00:40 once). The time asked for if it has
 * passed, else midnight, else (in the first minute of the day) the time asked for yesterday.
 */
public final class EarlierToday {

    public static final ZoneId SCHOOL = ZoneId.of("Europe/London");

    private EarlierToday() {
    }

    public static LocalDateTime at(int hour, int minute) {
        LocalDateTime now = LocalDateTime.now(SCHOOL).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime wanted = now.toLocalDate().atTime(hour, minute);
        if (wanted.isBefore(now)) {
            return wanted;
        }
        LocalDateTime midnight = now.toLocalDate().atStartOfDay();
        return midnight.isBefore(now) ? midnight : wanted.minusDays(1);
    }

    /** The date part, as a date field is sent: "2026-12-02". */
    public static String date(int hour, int minute) {
        return at(hour, minute).toLocalDate().toString();
    }

    /** The time part, as a time field is sent: "10:40". */
    public static String time(int hour, int minute) {
        return at(hour, minute).toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** Both, as a date-and-time field is sent: "2026-12-02T10:40". */
    public static String dateTime(int hour, int minute) {
        return date(hour, minute) + "T" + time(hour, minute);
    }
}
