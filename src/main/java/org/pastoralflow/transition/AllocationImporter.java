package org.pastoralflow.transition;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.pastoralflow.forms.ImportReport;
import org.pastoralflow.forms.MisCsv;
import org.pastoralflow.forms.MisRow;
import org.pastoralflow.student.MisCodes;
import org.pastoralflow.student.Upn;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the admissions allocation list for a September intake. All or nothing: every row is
 * checked first, and if any is wrong nothing is written and the report names each bad row and
 * field. Re-importing the list updates the students already on it and withdraws those no longer on it.
 */
@Service
public class AllocationImporter {

    /**
     * Our name for each column first, then the other names lists use. Allocation lists come from the
     * local authority's admissions system or are made from the MIS's applicants; docs/operations.md
     * says which names are known from where.
     */
    static final List<MisCsv.Column> COLUMNS = List.of(
            MisCsv.Column.of("UPN", "Unique Pupil Number"),
            MisCsv.Column.of("Legal Surname", "Legal Last Name", "Surname", "Last Name"),
            MisCsv.Column.of("Legal Forename", "Legal First Name", "Forename", "First Name"),
            MisCsv.Column.of("DOB", "Date of Birth", "Birth Date"),
            MisCsv.Column.of("Gender", "Sex"),
            MisCsv.Column.of("Feeder School", "Previous School", "Current School", "Primary School", "School Name"),
            MisCsv.Column.of("Feeder School URN", "Previous School URN", "Current School URN", "Primary School URN", "School URN",
                    "URN"),
            MisCsv.Column.of("SEN Status", "SEN Provision", "SEND Status", "SEN"),
            MisCsv.Column.of("EHCP", "EHC Plan", "Education Health and Care Plan"),
            MisCsv.Column.of("In Care", "Looked After", "Child Looked After", "CLA", "LAC"),
            MisCsv.Column.of("CP Plan", "Child Protection Plan", "CP"),
            MisCsv.Column.of("Parent Name", "Parent/Carer Name", "Contact Name", "Primary Contact"),
            MisCsv.Column.of("Parent Phone", "Parent/Carer Phone", "Contact Phone", "Contact Telephone", "Telephone", "Phone"),
            MisCsv.Column.of("Parent Email", "Parent/Carer Email", "Contact Email", "Email", "Email Address"));
    private static final Pattern URN = Pattern.compile("\\d{6}");
    private static final Pattern PHONE = Pattern.compile("[0-9+() -]{6,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public record Result(ImportReport report, TransitionAllocation.AllocationResult applied) {
    }

    private final TransitionAllocation transitions;

    public AllocationImporter(TransitionAllocation transitions) {
        this.transitions = transitions;
    }

    @Transactional
    public Result importCsv(InputStream csv, int entryYear, CohortDates dates, String importedBy) throws IOException {
        List<AllocationRow> rows = new ArrayList<>();
        try (MisCsv file = MisCsv.open(csv, COLUMNS)) {
            Map<String, String> schoolNames = new HashMap<>();
            Map<String, Integer> schoolRows = new HashMap<>();
            for (MisRow row = file.next(); row != null; row = file.next()) {
                AllocationRow valid = read(row);
                if (valid == null) {
                    continue;
                }
                String known = schoolNames.putIfAbsent(valid.feederUrn(), valid.feederSchool());
                if (known != null && !known.equals(valid.feederSchool())) {
                    row.problem("Feeder School URN", "URN " + valid.feederUrn() + " is '" + valid.feederSchool() + "' here but '"
                            + known + "' on row " + schoolRows.get(valid.feederUrn()) + ": one URN is one school.");
                    continue;
                }
                schoolRows.putIfAbsent(valid.feederUrn(), row.number());
                rows.add(valid);
            }
            List<ImportReport.ColumnRead> columns = file.columnsRead();
            if (!file.problems().isEmpty()) {
                return new Result(new ImportReport(file.rowsRead(), 0, 0, file.problems(), columns), null);
            }
            if (rows.isEmpty()) {
                ImportReport.Problem empty = new ImportReport.Problem(1, "file", "The file has no students: nothing was imported "
                        + "(an empty list would withdraw everyone).");
                return new Result(new ImportReport(0, 0, 0, List.of(empty), columns), null);
            }
            TransitionAllocation.AllocationResult applied = transitions.applyAllocation(entryYear, dates, rows, importedBy);
            int created = applied.created() + applied.reinstated();
            return new Result(new ImportReport(rows.size(), created, applied.updated(), List.of(), columns), applied);
        }
    }

    private static AllocationRow read(MisRow r) {
        String upn = Upn.read(r, "UPN");
        String surname = r.text("Legal Surname", 100, true);
        String forename = r.text("Legal Forename", 100, true);
        LocalDate dob = r.date("DOB");
        String gender = MisCodes.gender(r, "Gender");
        String school = r.text("Feeder School", 120, true);
        String urn = r.cell("Feeder School URN");
        if (urn != null && !URN.matcher(urn).matches()) {
            r.problem("Feeder School URN", r.label("Feeder School URN") + " '" + urn
                    + "' must be the school's 6-digit URN, like 110042.");
        }
        String sen = MisCodes.senStatus(r, "SEN Status");
        Boolean ehcp = r.yesNo("EHCP");
        Boolean inCare = r.yesNo("In Care");
        Boolean cpPlan = r.yesNo("CP Plan");
        if (Boolean.TRUE.equals(ehcp) && ("N".equals(sen) || "K".equals(sen))) {
            r.problem("EHCP", r.label("EHCP") + " is Y but " + r.label("SEN Status") + " is " + sen
                    + ": a child with an EHC plan has SEN Status E.");
        }
        String parentName = r.text("Parent Name", 200, false);
        String phone = r.text("Parent Phone", 40, false);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            r.problem("Parent Phone", r.label("Parent Phone") + " '" + phone + "' is not a phone number.");
        }
        String email = r.text("Parent Email", 200, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            r.problem("Parent Email", r.label("Parent Email") + " '" + email + "' is not an e-mail address.");
        }
        if (r.hasProblems()) {
            return null;
        }
        return new AllocationRow(upn, surname, forename, dob, gender, school, urn, sen, ehcp, inCare, cpPlan, parentName, phone,
                email);
    }
}
