package org.pastoralflow.transition;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pastoralflow.student.CsvUpload;
import org.pastoralflow.student.ImportReport;
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

    static final List<String> COLUMNS = List.of("UPN", "Legal Surname", "Legal Forename", "DOB", "Gender", "Feeder School",
            "Feeder School URN", "SEN Status", "EHCP", "In Care", "CP Plan", "Parent Name", "Parent Phone", "Parent Email");
    private static final Pattern URN = Pattern.compile("\\d{6}");
    private static final Pattern PHONE = Pattern.compile("[0-9+() -]{6,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public record Result(ImportReport report, TransitionService.AllocationResult applied) {

        public static Result refused(ImportReport.Problem problem) {
            return new Result(new ImportReport(0, 0, 0, List.of(problem)), null);
        }
    }

    private final TransitionService transitions;

    public AllocationImporter(TransitionService transitions) {
        this.transitions = transitions;
    }

    @Transactional
    public Result importCsv(InputStream csv, int entryYear, CohortDates dates, String importedBy) throws IOException {
        List<ImportReport.Problem> problems = new ArrayList<>();
        List<AllocationRow> rows = new ArrayList<>();
        try (CSVParser parser = CsvUpload.open(csv)) {
            List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                return Result.refused(new ImportReport.Problem(1, String.join(", ", missing),
                        "The header row lacks column(s): " + String.join(", ", missing)
                                + ". Export the allocation list with these columns: " + String.join(", ", COLUMNS) + "."));
            }
            Set<String> seen = new HashSet<>();
            Map<String, String> schoolNames = new HashMap<>();
            Map<String, Integer> schoolLines = new HashMap<>();
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                AllocationRow row = read(record, line, problems);
                if (row == null) {
                    continue;
                }
                if (!seen.add(row.upn())) {
                    problems.add(new ImportReport.Problem(line, "UPN", "UPN " + row.upn() + " appears more than once in the file."));
                    continue;
                }
                String known = schoolNames.putIfAbsent(row.feederUrn(), row.feederSchool());
                if (known != null && !known.equals(row.feederSchool())) {
                    problems.add(new ImportReport.Problem(line, "Feeder School URN", "URN " + row.feederUrn() + " is '"
                            + row.feederSchool() + "' here but '" + known + "' on line " + schoolLines.get(row.feederUrn())
                            + ": one URN is one school."));
                    continue;
                }
                schoolLines.putIfAbsent(row.feederUrn(), line);
                rows.add(row);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            problems.add(new ImportReport.Problem(1, "file", "This is not a readable CSV file: " + e.getMessage()));
        } catch (CsvUpload.NotCsvException e) {
            return Result.refused(new ImportReport.Problem(1, "file", e.getMessage()));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ImportReport.Problem::line));
            int bad = (int) problems.stream().map(ImportReport.Problem::line).distinct().count();
            return new Result(new ImportReport(rows.size() + bad, 0, 0, problems), null);
        }
        if (rows.isEmpty()) {
            return Result.refused(new ImportReport.Problem(1, "file", "The file has no students: nothing was imported "
                    + "(an empty list would withdraw everyone)."));
        }
        TransitionService.AllocationResult applied = transitions.applyAllocation(entryYear, dates, rows, importedBy);
        return new Result(new ImportReport(rows.size(), applied.created() + applied.reinstated(), applied.updated(), List.of()),
                applied);
    }

    private static AllocationRow read(CSVRecord r, int line, List<ImportReport.Problem> problems) {
        int before = problems.size();
        String upn = r.get("UPN").toUpperCase();
        String upnProblem = Upn.problem(upn);
        if (upnProblem != null) {
            problems.add(new ImportReport.Problem(line, "UPN", upnProblem));
        }
        String surname = text(r, "Legal Surname", 100, true, line, problems);
        String forename = text(r, "Legal Forename", 100, true, line, problems);
        LocalDate dob = null;
        try {
            dob = LocalDate.parse(r.get("DOB"));
        } catch (DateTimeParseException e) {
            problems.add(new ImportReport.Problem(line, "DOB", "DOB '" + r.get("DOB") + "' is not a date like 2015-09-30."));
        }
        String gender = r.get("Gender").toUpperCase();
        if (!gender.isEmpty() && !gender.equals("M") && !gender.equals("F")) {
            problems.add(new ImportReport.Problem(line, "Gender", "Gender '" + r.get("Gender") + "' must be M, F or empty."));
        }
        String school = text(r, "Feeder School", 120, true, line, problems);
        String urn = r.get("Feeder School URN");
        if (!URN.matcher(urn).matches()) {
            problems.add(new ImportReport.Problem(line, "Feeder School URN", "Feeder School URN '" + urn
                    + "' must be the school's 6-digit URN, like 110042."));
        }
        String sen = r.get("SEN Status").toUpperCase();
        if (!List.of("N", "K", "E").contains(sen)) {
            problems.add(new ImportReport.Problem(line, "SEN Status", "SEN Status '" + r.get("SEN Status") + "' must be N, K or E."));
        }
        boolean ehcp = yesNo(r, "EHCP", line, problems);
        boolean inCare = yesNo(r, "In Care", line, problems);
        boolean cpPlan = yesNo(r, "CP Plan", line, problems);
        if (ehcp && List.of("N", "K").contains(sen)) {
            problems.add(new ImportReport.Problem(line, "EHCP", "EHCP is Y but SEN Status is " + sen
                    + ": a child with an EHC plan has SEN Status E."));
        }
        String parentName = text(r, "Parent Name", 200, false, line, problems);
        String phone = r.get("Parent Phone");
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            problems.add(new ImportReport.Problem(line, "Parent Phone", "Parent Phone '" + phone + "' is not a phone number."));
        }
        String email = r.get("Parent Email");
        if (!email.isEmpty() && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            problems.add(new ImportReport.Problem(line, "Parent Email", "Parent Email '" + email + "' is not an e-mail address."));
        }
        if (problems.size() > before) {
            return null;
        }
        return new AllocationRow(upn, surname, forename, dob, gender.isEmpty() ? null : gender, school, urn, sen, ehcp, inCare,
                cpPlan, blankToNull(parentName), blankToNull(phone), blankToNull(email));
    }

    private static String text(CSVRecord r, String column, int max, boolean required, int line, List<ImportReport.Problem> problems) {
        String v = r.get(column);
        if (required && v.isBlank()) {
            problems.add(new ImportReport.Problem(line, column, column + " is empty."));
        } else if (v.length() > max) {
            problems.add(new ImportReport.Problem(line, column, column + " is longer than " + max + " characters."));
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
