package org.pastoralflow.send;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
 * Areas of need from the MIS's SEN export (one row per pupil: UPN, primary need, secondary need, as DfE
 * census codes), all or nothing. Read by the one MIS reader (forms.MisCsv) with the MIS header names;
 * a code the census does not have, a pupil the MIS does not have at SEN support or with an EHCP, or a
 * UPN given twice is a problem on its row and nothing is written. The one-page profile is left as it is.
 * A school that types needs on the register page need not import them; the import overwrites what was typed.
 */
@Service
public class SenNeedsImporter {

    /**
     * Our name first, then names SIMS ("SEN Need Type", "Primary Need"), Arbor and Bromcom exports give it; a
     * school whose export says it otherwise renames the column before upload (the report lists what was read).
     */
    static final List<MisCsv.Column> COLUMNS = List.of(
            MisCsv.Column.of("UPN", "Unique Pupil Number", "Pupil UPN", "Student UPN"),
            MisCsv.Column.of("Primary Need", "SEN Need Type", "Primary SEN Need", "SEN Primary Need", "Primary Need Type",
                    "SEN Need Type 1", "Need Type 1", "Primary SEN Type", "SEN Type", "Primary Area of Need"),
            MisCsv.Column.optional("Secondary Need", "SEN Need Type 2", "Secondary SEN Need", "SEN Secondary Need", "Secondary Need Type",
                    "Need Type 2", "Secondary SEN Type", "Secondary Area of Need"));

    private record NeedsRow(int line, String upn, String primary, String secondary) {
    }

    private final StudentRepository students;
    private final SenEntryRepository entries;
    private final SenRecording recording;
    private final AuditLog audit;

    SenNeedsImporter(StudentRepository students, SenEntryRepository entries, SenRecording recording, AuditLog audit) {
        this.students = students;
        this.entries = entries;
        this.recording = recording;
        this.audit = audit;
    }

    /** Created: pupils first put on the register's needs; updated: pupils whose needs changed (the same needs are left alone). */
    @Transactional
    public ImportReport importCsv(InputStream csv, String importedBy) throws IOException {
        try (MisCsv file = MisCsv.open(csv, COLUMNS)) {
            List<NeedsRow> rows = new ArrayList<>();
            List<Student> pupils = new ArrayList<>();
            for (MisRow row = file.next(); row != null; row = file.next()) {
                NeedsRow valid = read(row);
                if (valid == null) {
                    continue;
                }
                Optional<Student> pupil = students.findByUpn(valid.upn());
                if (pupil.isEmpty()) {
                    row.problem("UPN", "No student with UPN " + valid.upn() + ": import the students export first.");
                } else if (!"K".equals(pupil.get().getSenStatus()) && !"E".equals(pupil.get().getSenStatus()) && !pupil.get().isEhcp()) {
                    row.problem("UPN", "UPN " + valid.upn() + " is not at SEN support or with an EHCP in the MIS (SEN status "
                            + pupil.get().getSenStatus() + "): correct the SEN status in the MIS and import the students first.");
                } else {
                    rows.add(valid);
                    pupils.add(pupil.get());
                }
            }
            if (!file.problems().isEmpty()) {
                return new ImportReport(file.rowsRead(), 0, 0, file.problems(), file.columnsRead());
            }
            if (rows.isEmpty()) {
                return new ImportReport(0, 0, 0, List.of(new ImportReport.Problem(1, "file", "The file has no pupils with an area of need.")),
                        file.columnsRead());
            }
            int created = 0;
            int updated = 0;
            for (int i = 0; i < rows.size(); i++) {
                NeedsRow r = rows.get(i);
                Optional<SenEntry> before = entries.findByStudentId(pupils.get(i).getId());
                if (before.isPresent() && r.primary().equals(before.get().getPrimaryNeed())
                        && java.util.Objects.equals(r.secondary(), before.get().getSecondaryNeed())) {
                    continue;
                }
                recording.importNeeds(pupils.get(i), r.primary(), r.secondary(), importedBy);
                if (before.isPresent()) {
                    updated++;
                } else {
                    created++;
                }
            }
            audit.record(importedBy, "IMPORT", "sen-needs", null, null, rows.size() + " pupils' areas of need read: "
                    + created + " new on the register, " + updated + " changed");
            return new ImportReport(rows.size(), created, updated, List.of()).withColumns(file.columnsRead());
        }
    }

    private NeedsRow read(MisRow r) {
        String upn = r.cell("UPN") == null ? null : r.cell("UPN").toUpperCase(Locale.ROOT);
        r.unique("UPN", upn);
        if (upn != null && Upn.problem(upn) != null) {
            r.problem("UPN", Upn.problem(upn));
        }
        String primary = need(r, "Primary Need");
        String secondary = need(r, "Secondary Need");
        boolean primaryEmpty = "".equals(r.cell("Primary Need") == null ? null : r.cell("Primary Need").trim()); // null: refused already
        if (primaryEmpty && secondary != null) {
            r.problem("Primary Need", r.label("Primary Need") + " is empty but " + r.label("Secondary Need") + " is not: give the primary need.");
        } else if (primary != null && primary.equals(secondary)) {
            r.problem("Secondary Need", r.label("Secondary Need") + " repeats the primary need; leave it empty if there is none.");
        }
        if (r.hasProblems() || primary == null) {
            return null; // a pupil with no need in the export (a row of a whole-school export) is not a problem
        }
        return new NeedsRow(r.number(), upn, primary, secondary);
    }

    /** A census SEN type code (any case) or its name as the census guide gives it; empty is none. */
    static String need(MisRow r, String column) {
        String v = r.text(column, 80, false);
        if (v == null) {
            return null;
        }
        String given = v.trim();
        Optional<NeedArea> known = Arrays.stream(NeedArea.values())
                .filter(n -> n.code().equalsIgnoreCase(given) || n.label().equalsIgnoreCase(given)).findFirst();
        if (known.isEmpty()) {
            r.problem(column, r.label(column) + " '" + given + "' is not a DfE census SEN type code ("
                    + String.join(", ", Arrays.stream(NeedArea.values()).map(NeedArea::code).toList()) + ").");
            return null;
        }
        return known.get().code();
    }
}
