package org.pastoralflow.family;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.forms.ImportReport;
import org.pastoralflow.forms.MisCsv;
import org.pastoralflow.forms.MisRow;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.student.Upn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the MIS contacts export (one row per contact of a student), all or nothing. The students
 * in the file get exactly the contacts the file gives them, replacing what an earlier import gave
 * them; students not in the file keep theirs, so a school may import one year group at a time.
 */
@Service
public class ContactImporter {

    /** Our name for each column first, then the names SIMS, Arbor and Bromcom exports give it. */
    static final List<MisCsv.Column> COLUMNS = List.of(
            MisCsv.Column.of("UPN", "Unique Pupil Number", "Pupil UPN", "Student UPN"),
            MisCsv.Column.of("Contact Surname", "Contact Legal Surname", "Contact Last Name", "Surname", "Last Name"),
            MisCsv.Column.optional("Contact Forename", "Contact Legal Forename", "Contact First Name", "Forename", "First Name"),
            MisCsv.Column.of("Relationship", "Relationship to Pupil", "Relationship to Student", "Contact Relationship", "Relation"),
            MisCsv.Column.optional("Parental Responsibility", "Has Parental Responsibility", "Parental Resp", "PR"),
            MisCsv.Column.of("Priority", "Contact Priority", "Priority Order", "Contact Order", "Order"),
            MisCsv.Column.optional("Lives With Pupil", "Lives With Student", "Lives With", "Resides With Pupil", "Same Address"),
            MisCsv.Column.optional("Home Phone", "Telephone Home", "Home Telephone", "Home Tel"),
            MisCsv.Column.optional("Mobile Phone", "Telephone Mobile", "Mobile", "Mobile Tel", "Mobile Telephone"),
            MisCsv.Column.optional("Work Phone", "Telephone Work", "Work Telephone", "Work Tel"),
            MisCsv.Column.optional("Email", "Email Address", "E-mail", "Contact Email", "Contact Email Address"),
            MisCsv.Column.optional("Address Line 1", "Address 1", "House Name/Number and Street", "Street", "Address"),
            MisCsv.Column.optional("Address Line 2", "Address 2", "Locality"),
            MisCsv.Column.optional("Town", "Address Line 3", "Town/City", "City", "Town or City"),
            MisCsv.Column.optional("Postcode", "Post Code", "Postal Code"),
            MisCsv.Column.optional("Restrictions", "Contact Restrictions", "Restriction", "Restriction Codes", "Legal Restrictions"));

    private static final Pattern PHONE = Pattern.compile("[0-9+() -]{6,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");
    private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}");
    static final int MOST_CONTACTS = 20;

    /** One row as read and checked, waiting for the file to be found good. */
    record ContactRow(String upn, int priority, String surname, String forename, String relationship, Boolean parentalResponsibility,
                      Boolean livesWithPupil, String homePhone, String mobilePhone, String workPhone, String email,
                      String addressLine1, String addressLine2, String town, String postcode, String restrictions) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final FamilySettings settings;
    private final AuditLog audit;
    private final Clock clock;

    ContactImporter(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, FamilySettings settings,
                    AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ImportReport importCsv(InputStream csv, String importedBy) throws IOException {
        List<ContactRow> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (MisCsv file = MisCsv.open(csv, COLUMNS)) {
            Map<String, Integer> firstRowOf = new HashMap<>();
            for (MisRow row = file.next(); row != null; row = file.next()) {
                ContactRow valid = read(row);
                if (valid != null) {
                    Integer first = firstRowOf.putIfAbsent(valid.upn() + "#" + valid.priority(), row.number());
                    if (first != null) {
                        row.problem("Priority", row.label("Priority") + " " + valid.priority() + " is given twice for UPN " + valid.upn()
                                + " (first on row " + first + "): each of a student's contacts has its own priority.");
                    } else {
                        rows.add(valid);
                        lines.add(row.number());
                    }
                }
            }
            // ids only: a whole school's students as entities would cost more than the rest of the import
            Map<String, Long> byUpn = new HashMap<>();
            List<String> upns = rows.stream().map(ContactRow::upn).distinct().toList();
            for (int i = 0; i < upns.size(); i += 1000) {
                named.query("select upn, id from student where upn in (:upns)",
                        new MapSqlParameterSource("upns", upns.subList(i, Math.min(upns.size(), i + 1000))),
                        rs -> {
                            byUpn.put(rs.getString(1), rs.getLong(2));
                        });
            }
            for (int i = 0; i < rows.size(); i++) {
                if (!byUpn.containsKey(rows.get(i).upn())) {
                    file.problem(lines.get(i), file.label("UPN"), "No student with UPN " + rows.get(i).upn()
                            + ": import the students export first.");
                }
            }
            if (!file.problems().isEmpty()) {
                return new ImportReport(file.rowsRead(), 0, 0, file.problems(), file.columnsRead());
            }
            if (rows.isEmpty()) {
                return new ImportReport(0, 0, 0, List.of(new ImportReport.Problem(1, "file", "The file has no rows.")), file.columnsRead());
            }
            return write(rows, byUpn, importedBy).withColumns(file.columnsRead());
        }
    }

    /** Replaces the contacts of every student in the file, in batches; returns the report (created: contacts, updated: students). */
    private ImportReport write(List<ContactRow> rows, Map<String, Long> byUpn, String importedBy) {
        Set<Long> studentIds = new LinkedHashSet<>();
        rows.forEach(r -> studentIds.add(byUpn.get(r.upn())));
        List<Long> ids = List.copyOf(studentIds);
        int replaced = 0;
        for (int i = 0; i < ids.size(); i += 1000) {
            replaced += named.update("delete from family_contact where student_id in (:ids)",
                    new MapSqlParameterSource("ids", ids.subList(i, Math.min(ids.size(), i + 1000))));
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("insert into family_contact (student_id, priority, surname, forename, relationship, parental_responsibility,"
                        + " lives_with_pupil, home_phone, mobile_phone, work_phone, email, address_line1, address_line2, town, postcode,"
                        + " restrictions, confidentiality, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows, 500, (ps, r) -> {
                    ps.setLong(1, byUpn.get(r.upn()));
                    ps.setInt(2, r.priority());
                    ps.setString(3, r.surname());
                    ps.setString(4, r.forename());
                    ps.setString(5, r.relationship());
                    ps.setObject(6, r.parentalResponsibility());
                    ps.setObject(7, r.livesWithPupil());
                    ps.setString(8, r.homePhone());
                    ps.setString(9, r.mobilePhone());
                    ps.setString(10, r.workPhone());
                    ps.setString(11, r.email());
                    ps.setString(12, r.addressLine1());
                    ps.setString(13, r.addressLine2());
                    ps.setString(14, r.town());
                    ps.setString(15, r.postcode());
                    ps.setString(16, r.restrictions());
                    ps.setString(17, Confidentiality.PASTORAL.name());
                    ps.setTimestamp(18, now);
                });
        audit.record(importedBy, "IMPORT", "family-contacts", null, null, rows.size() + " contacts of " + ids.size()
                + " students (" + replaced + " contacts they had before replaced)");
        return new ImportReport(rows.size(), rows.size(), ids.size(), List.of());
    }

    private ContactRow read(MisRow r) {
        String upn = upn(r);
        String surname = r.text("Contact Surname", 100, true);
        String forename = r.text("Contact Forename", 100, false);
        String relationship = r.text("Relationship", 60, true);
        Integer priority = r.whole("Priority");
        if (priority != null && (priority < 1 || priority > MOST_CONTACTS)) {
            r.problem("Priority", r.label("Priority") + " " + priority + " is not between 1 and " + MOST_CONTACTS + ".");
        }
        Boolean responsibility = optionalYesNo(r, "Parental Responsibility");
        Boolean livesWith = optionalYesNo(r, "Lives With Pupil");
        String home = phone(r, "Home Phone");
        String mobile = phone(r, "Mobile Phone");
        String work = phone(r, "Work Phone");
        String email = r.text("Email", 254, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            r.problem("Email", r.label("Email") + " '" + email + "' is not an e-mail address like name@example.org.");
        }
        String line1 = r.text("Address Line 1", 120, false);
        String line2 = r.text("Address Line 2", 120, false);
        String town = r.text("Town", 120, false);
        String postcode = r.text("Postcode", 10, false);
        if (postcode != null) {
            postcode = postcode.toUpperCase(Locale.ROOT);
            if (!POSTCODE.matcher(postcode).matches()) {
                r.problem("Postcode", r.label("Postcode") + " '" + postcode + "' is not a UK postcode like SW1A 1AA.");
            }
        }
        String restrictions = restrictions(r);
        if (r.hasProblems()) {
            return null;
        }
        return new ContactRow(upn, priority, surname, forename, relationship, responsibility, livesWith, home, mobile, work, email,
                line1, line2, town, postcode, restrictions);
    }

    /** Codes separated by commas, semicolons or spaces, each one of pastoral.family.restrictions; stored as the settings spell them. */
    private String restrictions(MisRow r) {
        String cell = r.text("Restrictions", 200, false);
        if (cell == null) {
            return null;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : cell.split("[,;\\s]+")) {
            if (code.isEmpty()) {
                continue;
            }
            settings.restriction(code).ifPresentOrElse(known -> codes.add(known.code()), () -> r.problem("Restrictions",
                    r.label("Restrictions") + " '" + code + "' is not a restriction code this school uses ("
                            + String.join(", ", settings.restrictions().stream().map(x -> x.code() + " " + x.name()).toList())
                            + "): add it to pastoral.family.restrictions or correct the MIS."));
        }
        return codes.isEmpty() ? null : String.join(",", codes);
    }

    /** The student's UPN, checked as the students import checks it; unlike there, a student has a row per contact. */
    private static String upn(MisRow r) {
        String v = r.cell("UPN");
        if (v == null) {
            return null;
        }
        String upn = v.toUpperCase(Locale.ROOT);
        String problem = Upn.problem(upn);
        if (problem != null) {
            r.problem("UPN", problem);
            return null;
        }
        return upn;
    }

    private static Boolean optionalYesNo(MisRow r, String column) {
        return "".equals(r.cell(column)) ? null : r.yesNo(column);
    }

    private static String phone(MisRow r, String column) {
        String v = r.text(column, 40, false);
        if (v != null && !PHONE.matcher(v).matches()) {
            r.problem(column, r.label(column) + " '" + v + "' is not a telephone number (digits, spaces, +, brackets, hyphens).");
        }
        return v;
    }
}
