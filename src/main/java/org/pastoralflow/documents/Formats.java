package org.pastoralflow.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Dates as staff read them, in the school's time zone. Templates call it as {@code @fmt}. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private final ZoneId zone;

    public Formats(@Value("${pastoral.zone:Europe/London}") ZoneId zone) {
        this.zone = zone;
    }

    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(zone));
    }

    public String when(Date date) {
        return date == null ? "" : when(date.toInstant());
    }

    /** "November 2026": the month headings of a timeline. */
    public String month(Instant instant) {
        return instant == null ? "" : MONTH.format(instant.atZone(zone));
    }

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
