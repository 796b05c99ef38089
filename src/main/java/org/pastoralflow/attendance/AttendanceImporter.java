package org.pastoralflow.attendance;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.forms.ImportReport;
import org.pastoralflow.forms.MisCsv;
import org.pastoralflow.forms.MisRow;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.student.Upn;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports one week of the MIS attendance export, all or nothing, then opens the concerns the
 * new figures call for, in the same transaction.
 */
@Service
public class AttendanceImporter {

    /** Our name for each column first, then the other names exports use (docs/operations.md has which product uses which). */
    static final List<MisCsv.Column> COLUMNS = List.of(
            MisCsv.Column.of("UPN", "Unique Pupil Number"),
            MisCsv.Column.of("Week Commencing", "Week Beginning", "Week Starting", "Week Start", "W/C", "Week"),
            MisCsv.Column.of("Possible Sessions", "Possible", "Possible Marks", "Sessions Possible", "Possible Attendance"),
            MisCsv.Column.of("Attended Sessions", "Attended", "Sessions Attended", "Present", "Present Marks"),
            MisCsv.Column.of("Authorised Absence", "Authorised Absences", "Authorised Absent", "Authorised",
                    "Authorized Absence", "Authorized Absences"),
            MisCsv.Column.of("Unauthorised Absence", "Unauthorised Absences", "Unauthorised Absent", "Unauthorised",
                    "Unauthorized Absence", "Unauthorized Absences"),
            MisCsv.Column.of("Late Before Registers Closed", "Late Before Registration Closed", "Late (L)", "L Marks", "Late",
                    "Lates", "Late Marks"),
            // code U, counted in the unauthorised absence: older exports and some products leave it out
            MisCsv.Column.optional("Late After Registers Closed", "Late After Registration Closed", "Late (U)", "U Marks",
                    "Late After Close"));

    public record Result(ImportReport report, int concernsStarted, int missingEducationAlerts, int latenessConcerns) {
    }

    private final StudentRepository students;
    private final AttendanceWeekRepository weeks;
    private final AttendanceService attendance;
    private final AuditLog audit;
    private final Clock clock;

    public AttendanceImporter(StudentRepository students, AttendanceWeekRepository weeks, AttendanceService attendance,
                              AuditLog audit, Clock clock) {
        this.students = students;
        this.weeks = weeks;
        this.attendance = attendance;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result importCsv(InputStream csv, String importedBy) throws IOException {
        List<AttendanceRow> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (MisCsv file = MisCsv.open(csv, COLUMNS)) {
            for (MisRow row = file.next(); row != null; row = file.next()) {
                AttendanceRow valid = read(row);
                if (valid != null) {
                    rows.add(valid);
                    lines.add(row.number());
                }
            }
            List<ImportReport.ColumnRead> columns = file.columnsRead();
            Set<LocalDate> weeksInFile = rows.stream().map(AttendanceRow::week).collect(Collectors.toSet());
            if (weeksInFile.size() > 1) {
                String weeks = weeksInFile.stream().sorted().map(LocalDate::toString).collect(Collectors.joining(", "));
                file.problem(1, file.label("Week Commencing"), "The file holds more than one week (" + weeks
                        + "); import one week at a time.");
            }
            Map<String, Student> byUpn = new HashMap<>();
            for (int i = 0; i < rows.size(); i += 1000) {
                students.findByUpnIn(rows.subList(i, Math.min(rows.size(), i + 1000)).stream().map(AttendanceRow::upn).toList())
                        .forEach(s -> byUpn.put(s.getUpn(), s));
            }
            for (int i = 0; i < rows.size(); i++) {
                if (!byUpn.containsKey(rows.get(i).upn())) {
                    file.problem(lines.get(i), file.label("UPN"), "No student with UPN " + rows.get(i).upn()
                            + ": import the students export first.");
                }
            }
            if (!file.problems().isEmpty()) {
                return new Result(new ImportReport(file.rowsRead(), 0, 0, file.problems(), columns), 0, 0, 0);
            }
            if (rows.isEmpty()) {
                return new Result(new ImportReport(0, 0, 0, List.of(new ImportReport.Problem(1, "file", "The file has no rows.")),
                        columns), 0, 0, 0);
            }
            return write(rows, byUpn, columns, importedBy);
        }
    }

    private Result write(List<AttendanceRow> rows, Map<String, Student> byUpn, List<ImportReport.ColumnRead> columns,
                         String importedBy) {
        LocalDate week = rows.get(0).week();
        List<Long> ids = rows.stream().map(r -> byUpn.get(r.upn()).getId()).toList();
        Map<Long, AttendanceWeek> existing = weeks.findByWeekCommencing(week).stream()
                .collect(Collectors.toMap(AttendanceWeek::getStudentId, Function.identity()));
        Instant now = clock.instant();
        int created = 0;
        List<AttendanceWeek> toSave = new ArrayList<>();
        for (AttendanceRow row : rows) {
            Long id = byUpn.get(row.upn()).getId();
            AttendanceWeek w = existing.get(id);
            if (w == null) {
                w = new AttendanceWeek(id, week);
                created++;
            }
            w.update(row, now);
            toSave.add(w);
        }
        weeks.saveAll(toSave);
        weeks.flush();
        AttendanceService.Evaluation evaluation = attendance.evaluate(ids, week);
        audit.record(importedBy, "IMPORT", "attendance", null, null, "week " + week + ": " + rows.size() + " rows, "
                + evaluation.concernsStarted() + " concerns started, " + evaluation.latenessConcerns() + " for lateness");
        return new Result(new ImportReport(rows.size(), created, rows.size() - created, List.of(), columns),
                evaluation.concernsStarted(), evaluation.missingEducationAlerts(), evaluation.latenessConcerns());
    }

    private static AttendanceRow read(MisRow r) {
        String upn = Upn.read(r, "UPN");
        LocalDate week = r.date("Week Commencing");
        if (week != null && week.getDayOfWeek() != DayOfWeek.MONDAY) {
            r.problem("Week Commencing", r.label("Week Commencing") + " " + r.cell("Week Commencing") + " is a "
                    + week.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK) + ", not a Monday.");
        }
        Integer possible = sessions(r, "Possible Sessions");
        Integer attended = sessions(r, "Attended Sessions");
        Integer authorised = sessions(r, "Authorised Absence");
        Integer unauthorised = sessions(r, "Unauthorised Absence");
        Integer late = sessions(r, "Late Before Registers Closed");
        Integer lateAfter = optionalSessions(r, "Late After Registers Closed");
        if (r.hasProblems()) {
            return null;
        }
        // a session marked late before registers closed (L) counts as attended; one marked after (U) as unauthorised absence
        if (late > attended) {
            r.problem("Late Before Registers Closed", r.label("Late Before Registers Closed") + " (" + late
                    + ") is more than the sessions attended (" + attended + "): a late mark before registers close counts as present.");
            return null;
        }
        if (lateAfter > unauthorised) {
            r.problem("Late After Registers Closed", r.label("Late After Registers Closed") + " (" + lateAfter
                    + ") is more than the unauthorised absence (" + unauthorised + "): a late mark after registers close (U) counts as one.");
            return null;
        }
        if (attended + authorised + unauthorised != possible) {
            r.problem("Possible Sessions", "Attended (" + attended + ") + authorised (" + authorised + ") + unauthorised ("
                    + unauthorised + ") absence should equal possible sessions (" + possible + ").");
            return null;
        }
        return new AttendanceRow(upn, week, possible, attended, authorised, unauthorised, late, lateAfter);
    }

    /** A count an export may leave out: an empty cell, or no such column, is none. */
    private static Integer optionalSessions(MisRow r, String column) {
        return "".equals(r.cell(column)) ? Integer.valueOf(0) : sessions(r, column);
    }

    private static Integer sessions(MisRow r, String column) {
        Integer n = r.whole(column);
        if (n != null && (n < 0 || n > 14)) {
            r.problem(column, r.label(column) + " " + n + " is not between 0 and 14 sessions.");
            return null;
        }
        return n;
    }
}
