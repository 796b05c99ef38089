package org.pastoralflow.attendance;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.student.CsvUpload;
import org.pastoralflow.student.ImportReport;
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

    static final List<String> COLUMNS = List.of("UPN", "Week Commencing", "Possible Sessions", "Attended Sessions",
            "Authorised Absence", "Unauthorised Absence", "Late Before Registers Closed");

    public record Result(ImportReport report, int concernsStarted, int missingEducationAlerts) {
    }

    private final StudentRepository students;
    private final AttendanceWeekRepository weeks;
    private final AttendanceService attendance;
    private final AuditLog audit;

    public AttendanceImporter(StudentRepository students, AttendanceWeekRepository weeks, AttendanceService attendance,
                              AuditLog audit) {
        this.students = students;
        this.weeks = weeks;
        this.attendance = attendance;
        this.audit = audit;
    }

    @Transactional
    public Result importCsv(InputStream csv, String importedBy) throws IOException {
        List<ImportReport.Problem> problems = new ArrayList<>();
        List<AttendanceRow> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (CSVParser parser = CsvUpload.open(csv)) {
            List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(new ImportReport.Problem(1, String.join(", ", missing),
                        "The header row lacks column(s): " + String.join(", ", missing) + "."));
                return new Result(new ImportReport(0, 0, 0, problems), 0, 0);
            }
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                AttendanceRow row = read(record, line, problems);
                if (row != null && !seen.add(row.upn())) {
                    problems.add(new ImportReport.Problem(line, "UPN", "UPN " + row.upn() + " appears more than once in the file."));
                } else if (row != null) {
                    rows.add(row);
                    lines.add(line);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            problems.add(new ImportReport.Problem(1, "file", "This is not a readable CSV file: " + e.getMessage()));
        } catch (CsvUpload.NotCsvException e) {
            return new Result(new ImportReport(0, 0, 0, List.of(new ImportReport.Problem(1, "file", e.getMessage()))), 0, 0);
        }
        Set<LocalDate> weeksInFile = rows.stream().map(AttendanceRow::week).collect(Collectors.toSet());
        if (weeksInFile.size() > 1) {
            problems.add(new ImportReport.Problem(1, "Week Commencing",
                    "The file holds more than one week (" + weeksInFile.stream().sorted().map(LocalDate::toString)
                            .collect(Collectors.joining(", ")) + "); import one week at a time."));
        }
        Map<String, Student> byUpn = new HashMap<>();
        for (int i = 0; i < rows.size(); i += 1000) {
            students.findByUpnIn(rows.subList(i, Math.min(rows.size(), i + 1000)).stream().map(AttendanceRow::upn).toList())
                    .forEach(s -> byUpn.put(s.getUpn(), s));
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!byUpn.containsKey(rows.get(i).upn())) {
                problems.add(new ImportReport.Problem(lines.get(i), "UPN", "No student with UPN " + rows.get(i).upn()
                        + ": import the students export first."));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(ImportReport.Problem::line));
            return new Result(new ImportReport(rows.size(), 0, 0, problems), 0, 0);
        }
        if (rows.isEmpty()) {
            return new Result(new ImportReport(0, 0, 0, List.of(new ImportReport.Problem(1, "file", "The file has no rows."))), 0, 0);
        }
        LocalDate week = rows.get(0).week();
        List<Long> ids = rows.stream().map(r -> byUpn.get(r.upn()).getId()).toList();
        Map<Long, AttendanceWeek> existing = weeks.findByStudentIdInAndWeekCommencing(ids, week).stream()
                .collect(Collectors.toMap(AttendanceWeek::getStudentId, Function.identity()));
        Instant now = Instant.now();
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
                + evaluation.concernsStarted() + " concerns started");
        return new Result(new ImportReport(rows.size(), created, rows.size() - created, List.of()),
                evaluation.concernsStarted(), evaluation.missingEducationAlerts());
    }

    private static AttendanceRow read(CSVRecord r, int line, List<ImportReport.Problem> problems) {
        int before = problems.size();
        String upn = r.get("UPN").toUpperCase();
        String upnProblem = Upn.problem(upn);
        if (upnProblem != null) {
            problems.add(new ImportReport.Problem(line, "UPN", upnProblem));
        }
        LocalDate week = null;
        try {
            week = LocalDate.parse(r.get("Week Commencing"));
            if (week.getDayOfWeek() != DayOfWeek.MONDAY) {
                problems.add(new ImportReport.Problem(line, "Week Commencing", "Week Commencing " + week + " is not a Monday."));
            }
        } catch (DateTimeParseException e) {
            problems.add(new ImportReport.Problem(line, "Week Commencing", "Week Commencing '" + r.get("Week Commencing")
                    + "' is not a date like 2026-10-05."));
        }
        int possible = count(r, "Possible Sessions", line, problems);
        int attended = count(r, "Attended Sessions", line, problems);
        int authorised = count(r, "Authorised Absence", line, problems);
        int unauthorised = count(r, "Unauthorised Absence", line, problems);
        int late = count(r, "Late Before Registers Closed", line, problems);
        if (problems.size() == before && attended + authorised + unauthorised != possible) {
            problems.add(new ImportReport.Problem(line, "Possible Sessions", "Attended (" + attended + ") + authorised ("
                    + authorised + ") + unauthorised (" + unauthorised + ") absence should equal possible sessions (" + possible + ")."));
        }
        return problems.size() > before ? null : new AttendanceRow(upn, week, possible, attended, authorised, unauthorised, late);
    }

    private static int count(CSVRecord r, String column, int line, List<ImportReport.Problem> problems) {
        try {
            int n = Integer.parseInt(r.get(column));
            if (n < 0 || n > 14) {
                problems.add(new ImportReport.Problem(line, column, column + " " + n + " is not between 0 and 14 sessions."));
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new ImportReport.Problem(line, column, column + " '" + r.get(column) + "' is not a whole number."));
            return 0;
        }
    }
}
