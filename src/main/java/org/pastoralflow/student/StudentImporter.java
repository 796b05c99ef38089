package org.pastoralflow.student;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.forms.ImportReport;
import org.pastoralflow.forms.MisCsv;
import org.pastoralflow.forms.MisRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the students export of the school's MIS (SIMS, Arbor, Bromcom: the names each gives a
 * column are in {@link #COLUMNS}). All or nothing: every row is checked first, and if any row is
 * wrong nothing is written and the report names each bad row and field. Re-importing updates
 * students by UPN.
 */
@Service
public class StudentImporter {

    /** Our name for each column first, then the other names exports use (docs/operations.md has which product uses which). */
    static final List<MisCsv.Column> COLUMNS = List.of(
            MisCsv.Column.of("UPN", "Unique Pupil Number"),
            MisCsv.Column.of("Legal Surname", "Legal Last Name", "Surname", "Last Name"),
            MisCsv.Column.of("Legal Forename", "Legal First Name", "Forename", "First Name"),
            MisCsv.Column.of("Preferred Forename", "Preferred First Name", "Preferred Name", "Known As"),
            MisCsv.Column.of("DOB", "Date of Birth", "Birth Date"),
            MisCsv.Column.of("Gender", "Sex"),
            MisCsv.Column.of("Year", "Year Group", "NC Year", "National Curriculum Year", "Year Taught In"),
            MisCsv.Column.of("Reg Group", "Reg", "Registration Group", "Registration Form", "Reg Form", "Form", "Form Group",
                    "Tutor Group"),
            MisCsv.Column.of("SEN Status", "SEN Provision", "SEND Status", "SEN"),
            MisCsv.Column.of("EHCP", "EHC Plan", "Education Health and Care Plan"),
            MisCsv.Column.of("FSM", "FSM Eligible", "FSM Eligibility", "Eligible for FSM", "Free School Meals"),
            MisCsv.Column.of("EAL", "English as an Additional Language"),
            MisCsv.Column.of("In Care", "Looked After", "Child Looked After", "CLA", "LAC"),
            MisCsv.Column.of("Young Carer"));

    private final StudentRepository students;
    private final AuditLog audit;
    private final Clock clock;

    public StudentImporter(StudentRepository students, AuditLog audit, Clock clock) {
        this.students = students;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ImportReport importCsv(InputStream csv, String importedBy) throws IOException {
        List<StudentRow> rows = new ArrayList<>();
        try (MisCsv file = MisCsv.open(csv, COLUMNS)) {
            for (MisRow row = file.next(); row != null; row = file.next()) {
                StudentRow valid = read(row);
                if (valid != null) {
                    rows.add(valid);
                }
            }
            if (!file.problems().isEmpty()) {
                return new ImportReport(file.rowsRead(), 0, 0, file.problems(), file.columnsRead());
            }
            return write(rows, importedBy).withColumns(file.columnsRead());
        }
    }

    private ImportReport write(List<StudentRow> rows, String importedBy) {
        Instant now = clock.instant();
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

    private static StudentRow read(MisRow r) {
        String upn = Upn.read(r, "UPN");
        String surname = r.text("Legal Surname", 100, true);
        String forename = r.text("Legal Forename", 100, true);
        String preferred = r.text("Preferred Forename", 100, false);
        LocalDate dob = r.date("DOB");
        String gender = MisCodes.gender(r, "Gender");
        Integer year = MisCodes.yearGroup(r, "Year");
        String regGroup = r.text("Reg Group", 10, false);
        String sen = MisCodes.senStatus(r, "SEN Status");
        Boolean ehcp = r.yesNo("EHCP");
        Boolean fsm = r.yesNo("FSM");
        Boolean eal = r.yesNo("EAL");
        Boolean inCare = r.yesNo("In Care");
        Boolean youngCarer = r.yesNo("Young Carer");
        if (r.hasProblems()) {
            return null;
        }
        return new StudentRow(upn, surname, forename, preferred, dob, gender, year, regGroup, sen, ehcp, fsm, eal, inCare,
                youngCarer);
    }
}
