package org.pastoralflow.student;

import java.io.IOException;
import java.io.InputStream;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the students export of the school's MIS. All or nothing: every row is checked first,
 * and if any row is wrong nothing is written and the report names each bad row and field.
 * Re-importing updates students by UPN.
 */
@Service
public class StudentImporter {

    static final List<String> COLUMNS = List.of("UPN", "Legal Surname", "Legal Forename", "Preferred Forename", "DOB",
            "Gender", "Year", "Reg Group", "SEN Status", "EHCP", "FSM", "EAL", "In Care", "Young Carer");

    private final StudentRepository students;
    private final AuditLog audit;

    public StudentImporter(StudentRepository students, AuditLog audit) {
        this.students = students;
        this.audit = audit;
    }

    @Transactional
    public ImportReport importCsv(InputStream csv, String importedBy) throws IOException {
        List<ImportReport.Problem> problems = new ArrayList<>();
        List<StudentRow> rows = new ArrayList<>();
        try (CSVParser parser = CsvUpload.open(csv)) {
            List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(new ImportReport.Problem(1, String.join(", ", missing),
                        "The header row lacks column(s): " + String.join(", ", missing)
                                + ". Export the students report with these columns: " + String.join(", ", COLUMNS) + "."));
                return new ImportReport(0, 0, 0, problems);
            }
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                StudentRow row = read(record, line, problems);
                if (row != null && !seen.add(row.upn())) {
                    problems.add(new ImportReport.Problem(line, "UPN", "UPN " + row.upn() + " appears more than once in the file."));
                } else if (row != null) {
                    rows.add(row);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            problems.add(new ImportReport.Problem(1, "file", "This is not a readable CSV file: " + e.getMessage()));
        } catch (CsvUpload.NotCsvException e) {
            return new ImportReport(0, 0, 0, List.of(new ImportReport.Problem(1, "file", e.getMessage())));
        }
        if (!problems.isEmpty()) {
            return new ImportReport(rows.size() + countRowsWithProblems(problems), 0, 0, problems);
        }
        return write(rows, importedBy);
    }

    private static int countRowsWithProblems(List<ImportReport.Problem> problems) {
        return (int) problems.stream().map(ImportReport.Problem::line).distinct().count();
    }

    private ImportReport write(List<StudentRow> rows, String importedBy) {
        Instant now = Instant.now();
        Map<String, Student> existing = new HashMap<>();
        for (int i = 0; i < rows.size(); i += 1000) {
            List<String> upns = rows.subList(i, Math.min(rows.size(), i + 1000)).stream().map(StudentRow::upn).toList();
            existing.putAll(students.findByUpnIn(upns).stream().collect(Collectors.toMap(Student::getUpn, Function.identity())));
        }
        int created = 0;
        List<Student> toSave = new ArrayList<>(rows.size());
        for (StudentRow row : rows) {
            Student student = existing.get(row.upn());
            if (student == null) {
                student = new Student(row.upn());
                created++;
            }
            student.updateFrom(row, now);
            toSave.add(student);
        }
        students.saveAll(toSave);
        audit.record(importedBy, "IMPORT", "students", null, null, rows.size() + " rows, " + created + " new");
        return new ImportReport(rows.size(), created, rows.size() - created, List.of());
    }

    private static StudentRow read(CSVRecord r, int line, List<ImportReport.Problem> problems) {
        int before = problems.size();
        String upn = r.get("UPN").toUpperCase();
        String upnProblem = Upn.problem(upn);
        if (upnProblem != null) {
            problems.add(new ImportReport.Problem(line, "UPN", upnProblem));
        }
        String surname = required(r, "Legal Surname", line, problems);
        String forename = required(r, "Legal Forename", line, problems);
        LocalDate dob = null;
        try {
            dob = LocalDate.parse(r.get("DOB"));
        } catch (DateTimeParseException e) {
            problems.add(new ImportReport.Problem(line, "DOB", "DOB '" + r.get("DOB") + "' is not a date like 2014-05-31."));
        }
        Integer year = null;
        try {
            year = Integer.parseInt(r.get("Year"));
            if (year < 1 || year > 14) {
                problems.add(new ImportReport.Problem(line, "Year", "Year " + year + " is not a year group (1 to 14)."));
            }
        } catch (NumberFormatException e) {
            problems.add(new ImportReport.Problem(line, "Year", "Year '" + r.get("Year") + "' is not a number."));
        }
        String sen = r.get("SEN Status").toUpperCase();
        if (!List.of("N", "K", "E").contains(sen)) {
            problems.add(new ImportReport.Problem(line, "SEN Status", "SEN Status '" + sen + "' must be N, K or E."));
        }
        String gender = r.get("Gender").toUpperCase();
        boolean ehcp = yesNo(r, "EHCP", line, problems);
        boolean fsm = yesNo(r, "FSM", line, problems);
        boolean eal = yesNo(r, "EAL", line, problems);
        boolean inCare = yesNo(r, "In Care", line, problems);
        boolean youngCarer = yesNo(r, "Young Carer", line, problems);
        if (problems.size() > before) {
            return null;
        }
        String preferred = r.get("Preferred Forename");
        return new StudentRow(upn, surname, forename, preferred.isBlank() ? null : preferred, dob,
                gender.isBlank() ? null : gender, year, blankToNull(r.get("Reg Group")), sen,
                ehcp, fsm, eal, inCare, youngCarer);
    }

    private static String required(CSVRecord r, String column, int line, List<ImportReport.Problem> problems) {
        String v = r.get(column);
        if (v.isBlank()) {
            problems.add(new ImportReport.Problem(line, column, column + " is empty."));
        } else if (v.length() > 100) {
            problems.add(new ImportReport.Problem(line, column, column + " is longer than 100 characters."));
        }
        return v;
    }

    private static boolean yesNo(CSVRecord r, String column, int line, List<ImportReport.Problem> problems) {
        String v = r.get(column).toUpperCase();
        if (!v.equals("Y") && !v.equals("N")) {
            problems.add(new ImportReport.Problem(line, column, column + " '" + r.get(column) + "' must be Y or N."));
        }
        return v.equals("Y");
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
