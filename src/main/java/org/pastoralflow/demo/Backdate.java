package org.pastoralflow.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Puts each step of the demo's term on the day it happened. The features stamp what they write with
 * "now" (a concern raised, a plan closed, a chronology entry recorded), which is right for a school
 * and wrong for a term played through at first start. So each step runs through the features' own
 * services as it would for a user, and {@link #apply()} then moves the moments each step wrote back
 * to that step's time, keeping their order: nothing else about the rows changes. The times a user
 * typed (when an incident happened, when a concern was seen) are already in the past and are left
 * alone, and so is the audit trail, which truly records that the demo wrote these at first start.
 * One per seeding, used by one thread.
 */
final class Backdate {

    /** The "now" columns the demo's steps write: table and column. */
    private static final List<String[]> MOMENTS = List.of(
            new String[] {"referral", "raised_at"}, new String[] {"referral", "closed_at"},
            new String[] {"chronology_entry", "recorded_at"}, new String[] {"chronology_entry", "occurred_at"},
            new String[] {"support_plan", "created_at"}, new String[] {"external_referral", "recorded_at"},
            new String[] {"incident", "logged_at"},
            new String[] {"oncall_call", "raised_at"}, new String[] {"oncall_call", "claimed_at"},
            new String[] {"oncall_call", "closed_at"},
            new String[] {"attendance_concern", "opened_at"}, new String[] {"attendance_concern", "closed_at"},
            new String[] {"report_card", "started_at"}, new String[] {"report_card_score", "scored_at"},
            new String[] {"behaviour_log", "recorded_at"}, new String[] {"behaviour_follow_up", "raised_at"},
            new String[] {"behaviour_follow_up", "decided_at"},
            new String[] {"removal", "recorded_at"}, new String[] {"removal", "register_at"},
            new String[] {"contact_log", "logged_at"},
            new String[] {"agency_meeting_series", "opened_at"}, new String[] {"agency_meeting", "recorded_at"},
            new String[] {"intervention_group", "created_at"}, new String[] {"intervention_session", "recorded_at"},
            new String[] {"letter_template", "created_at"}, new String[] {"letter_template_version", "saved_at"},
            new String[] {"letter", "sent_at"});

    /** The "today" date columns they write, moved as each step ends (a date cannot tell which step wrote it). */
    private static final List<String[]> DAYS = List.of(
            new String[] {"support_plan", "started_on"}, new String[] {"support_plan", "closed_on"},
            new String[] {"intervention_member", "joined_on"});

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final Clock clock;
    /** When each step began, and the time it is to be put at. */
    private final List<Instant> marks = new ArrayList<>();
    private final List<Instant> whens = new ArrayList<>();

    Backdate(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** Runs the step, to be put at {@code when}. */
    <T> T at(Instant when, Supplier<T> step) {
        // the features take "now" from the school's clock, as this does; a millisecond's margin for the database's rounding
        Instant mark = clock.instant().minusMillis(1);
        if (!marks.isEmpty() && !mark.isAfter(marks.get(marks.size() - 1))) {
            mark = marks.get(marks.size() - 1).plusNanos(1000);
        }
        marks.add(mark);
        whens.add(when);
        LocalDate today = LocalDate.now(clock);
        T result = step.get();
        for (String[] day : DAYS) {
            jdbc.update("update " + day[0] + " set " + day[1] + " = ? where " + day[1] + " >= ?",
                    Date.valueOf(when.atZone(zone).toLocalDate()), Date.valueOf(today));
        }
        return result;
    }

    void run(Instant when, Runnable step) {
        at(when, () -> {
            step.run();
            return null;
        });
    }

    /** Moves every moment written since the first step to its step's time: one query and one batch per column. */
    void apply() {
        if (marks.isEmpty()) {
            return;
        }
        for (String[] moment : MOMENTS) {
            List<Object[]> moved = new ArrayList<>();
            jdbc.query("select id, " + moment[1] + " from " + moment[0] + " where " + moment[1] + " >= ?", rs -> {
                Instant written = rs.getTimestamp(2).toInstant();
                int step = stepOf(written);
                Instant put = whens.get(step).plus(Duration.between(marks.get(step), written));
                moved.add(new Object[] {Timestamp.from(put), rs.getLong(1)});
            }, Timestamp.from(marks.get(0)));
            if (!moved.isEmpty()) {
                jdbc.batchUpdate("update " + moment[0] + " set " + moment[1] + " = ? where id = ?", moved);
            }
        }
    }

    /** The last step that began at or before the moment. */
    private int stepOf(Instant written) {
        int low = 0;
        int high = marks.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (marks.get(mid).isAfter(written)) {
                high = mid - 1;
            } else {
                low = mid;
            }
        }
        return low;
    }
}
