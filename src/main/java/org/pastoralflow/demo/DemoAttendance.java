package org.pastoralflow.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.pastoralflow.attendance.AttendanceImporter;
import org.pastoralflow.attendance.AttendanceService;
import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.student.Student;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A term of weekly attendance, week by week, with the attendance service's thresholds run after
 * each week as after a real import (the last week through the import itself), so concerns open
 * exactly as they would. Most students attend well; a few
 * drift below 90 % (persistent absence: a PSO's concern), two fall below 50 % (severe: the DSL is
 * told too), one misses every session of the last two weeks without explanation (a DSL task), and
 * a few attended well until the last four weeks (the early-intervention list's "attendance fell"), and
 * a few are in school but late most days, some after registers close (a PSO's lateness concern).
 */
@Component
class DemoAttendance {

    static final String HEADER = "UPN,Week Commencing,Possible Sessions,Attended Sessions,Authorised Absence,"
            + "Unauthorised Absence,Late Before Registers Closed,Late After Registers Closed\n";

    /** What kind of term each student has. */
    enum Pattern { WELL, PATCHY, PERSISTENT, SEVERE, MISSING, FALLING, LATE }

    /** The patterns whose students {@link #missed} keeps at 91 % or more: under no threshold. */
    private static final java.util.Set<Pattern> KEPT_ABOVE_THE_LINE = java.util.EnumSet.of(Pattern.WELL, Pattern.PATCHY, Pattern.FALLING);

    /** Sessions so far this term, to keep a student on the right side of the thresholds. */
    private static final class Tally {
        int possible;
        int attended;
    }

    private final AttendanceImporter importer;
    private final AttendanceService attendance;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final int schoolYearStartMonth;
    private Boolean h2;
    private final java.time.Clock clock;

    DemoAttendance(AttendanceImporter importer, AttendanceService attendance, AuditLog audit, JdbcTemplate jdbc, java.time.Clock clock,
                   @Value("${pastoral.attendance.school-year-start-month:9}") int schoolYearStartMonth) {
        this.importer = importer;
        this.attendance = attendance;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.schoolYearStartMonth = schoolYearStartMonth;
    }

    /** Every week of the term, in order; returns the concerns and alerts the thresholds started. */
    int seed(DemoDays days, Backdate backdate, List<Student> students, Map<Student, Pattern> patterns, Random random) {
        Map<Student, Tally> tallies = new HashMap<>();
        List<LocalDate> weeks = days.weeks();
        int concerns = 0;
        LocalDate schoolYear = null;
        for (int w = 0; w < weeks.size(); w++) {
            LocalDate monday = weeks.get(w);
            if (!schoolYearOf(monday).equals(schoolYear)) {
                // the thresholds count this school year only: a week starting before its first day belongs to the year before
                schoolYear = schoolYearOf(monday);
                tallies.clear();
            }
            int possible = 2 * days.schoolDaysInWeek(monday);
            int weeksLeft = weeks.size() - 1 - w;
            // the last week as the office imports it, through the CSV import
            boolean throughImport = weeksLeft == 0;
            StringBuilder csv = new StringBuilder(HEADER);
            List<Object[]> rows = new ArrayList<>();
            List<Long> withAbsence = new ArrayList<>();
            for (Student s : students) {
                Tally t = tallies.computeIfAbsent(s, k -> new Tally());
                Pattern pattern = patterns.getOrDefault(s, Pattern.WELL);
                int missed = missed(pattern, possible, weeksLeft, t, random);
                boolean unexplained = pattern == Pattern.MISSING && weeksLeft < 2;
                // a late student's sessions missed are their marks after registers closed (U): unauthorised absence
                int unauthorised = unexplained || pattern == Pattern.LATE ? missed : missed / 3;
                int lateAfter = pattern == Pattern.LATE ? missed : 0;
                int late = missed == possible ? 0 : pattern == Pattern.LATE ? 1 + random.nextInt(2) : (random.nextInt(12) == 0 ? 1 : 0);
                t.possible += possible;
                t.attended += possible - missed;
                if (throughImport) {
                    csv.append(s.getUpn()).append(',').append(monday).append(',').append(possible).append(',')
                            .append(possible - missed).append(',').append(missed - unauthorised).append(',').append(unauthorised)
                            .append(',').append(late).append(',').append(lateAfter).append('\n');
                } else {
                    rows.add(new Object[] {s.getId(), Date.valueOf(monday), possible, possible - missed, missed - unauthorised,
                            unauthorised, late, lateAfter});
                    if ((missed > 0 && !KEPT_ABOVE_THE_LINE.contains(pattern)) || pattern == Pattern.LATE) {
                        withAbsence.add(s.getId());
                    }
                }
            }
            // as the office would: the week's export imported on the Friday afternoon
            LocalDate friday = days.schoolDays().stream().filter(d -> d.isBefore(monday.plusDays(7))).reduce((a, b) -> b).orElse(monday);
            concerns += backdate.at(days.at(friday, 15, 30), () -> throughImport ? importWeek(csv.toString())
                    : writeWeek(monday, rows, withAbsence));
        }
        return concerns;
    }

    private LocalDate schoolYearOf(LocalDate day) {
        return LocalDate.of(day.getMonthValue() >= schoolYearStartMonth ? day.getYear() : day.getYear() - 1, schoolYearStartMonth, 1);
    }

    /**
     * One week written as the import writes it ({@code AttendanceImporter.write}: the same columns, "now"
     * as the time imported, an audit line), in one batch, because twelve weeks of 1,500 rows through the
     * CSV reader and JPA took most of the demo's ten seconds; then the attendance service's own
     * thresholds run as after an import, for the students they could catch: a week with no session
     * missed cannot take a student over a threshold, and the students {@link #missed} keeps at 91 % or
     * more are over none; so the concerns opened are the ones the import would open.
     */
    private int writeWeek(LocalDate monday, List<Object[]> rows, List<Long> withAbsence) {
        Timestamp now = Timestamp.from(clock.instant());
        // one sequence value a row: safe beside the blocks of fifty JPA takes from the same sequence
        String nextId = h2() ? "next value for attendance_week_seq" : "nextval('attendance_week_seq')";
        jdbc.batchUpdate("insert into attendance_week (id, student_id, week_commencing, possible_sessions, attended_sessions,"
                + " authorised_absence, unauthorised_absence, late_sessions, late_after_close, imported_at) values (" + nextId
                + ", ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.stream().map(r -> {
                    Object[] row = java.util.Arrays.copyOf(r, r.length + 1);
                    row[r.length] = now;
                    return row;
                }).toList());
        AttendanceService.Evaluation evaluation = withAbsence.isEmpty() ? new AttendanceService.Evaluation(0, 0, 0)
                : attendance.evaluate(withAbsence, monday);
        audit.record("demo", "IMPORT", "attendance", null, null, "week " + monday + ": " + rows.size() + " rows, "
                + evaluation.concernsStarted() + " concerns started");
        return evaluation.concernsStarted() + evaluation.missingEducationAlerts() + evaluation.latenessConcerns();
    }

    private boolean h2() {
        if (h2 == null) {
            h2 = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()).startsWith("H2");
        }
        return h2;
    }

    private int importWeek(String csv) {
        try {
            AttendanceImporter.Result result = importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "demo");
            if (!result.report().problems().isEmpty()) {
                throw new IllegalStateException("The demo's attendance did not import: " + result.report().problems());
            }
            return result.concernsStarted() + result.missingEducationAlerts() + result.latenessConcerns();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sessions missed this week, for the student's pattern and what they have missed so far. */
    private static int missed(Pattern pattern, int possible, int weeksLeft, Tally t, Random random) {
        if (possible == 0) {
            return 0;
        }
        int missed = switch (pattern) {
            case WELL -> random.nextInt(14) == 0 ? 1 + random.nextInt(2) : 0;
            case PATCHY -> random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
            case PERSISTENT -> random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(3);
            case SEVERE -> possible / 2 + random.nextInt(possible / 2 + 1);
            case MISSING -> weeksLeft < 2 ? possible : 1 + random.nextInt(3);
            case FALLING -> weeksLeft < 4 ? 2 + random.nextInt(3) : 0;
            case LATE -> random.nextInt(3) == 0 ? 1 : 0;
        };
        missed = Math.min(missed, possible);
        if (KEPT_ABOVE_THE_LINE.contains(pattern)) {
            // these students stay at or above 90 %: no concern opens for them
            while (missed > 0 && 100.0 * (t.attended + possible - missed) / (t.possible + possible) < 91.0) {
                missed--;
            }
        }
        return missed;
    }
}
