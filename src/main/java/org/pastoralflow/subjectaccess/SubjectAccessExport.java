package org.pastoralflow.subjectaccess;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.pastoralflow.documents.CsvExport;
import org.pastoralflow.documents.PdfRenderer;
import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.documents.Formats;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the school holds on one student, for a subject access request (UK GDPR Art. 15), as
 * one ZIP: {@code record.pdf} to read, one CSV per kind of record (every column as stored), the
 * files attached to checklist items about the student, and a README. It is the raw material for
 * the school's data protection lead, who must still take out other people's information and
 * anything exempt (e.g. where disclosure would put the child at risk) before anything is sent.
 * Nothing is filtered by confidentiality: only the DSL and administrators may export, and each
 * export is one EXPORT row in the audit trail with what it held.
 */
@Service
public class SubjectAccessExport {

    /** One kind of record: a file name, a heading, and the SQL that picks the student's rows (one parameter: the student id). */
    record Source(String file, String title, String sql) {
    }

    /** The case store's tables, each by the way it points at a student. Content of attachments goes in files, not the CSV. */
    static final List<Source> SOURCES = List.of(
            new Source("student", "Student details from the MIS", "select * from student where id = ?"),
            new Source("referrals", "Concerns and referrals", "select * from referral where student_id = ? order by raised_at"),
            new Source("external-referrals", "Referrals to outside agencies",
                    "select e.* from external_referral e join referral r on r.id = e.referral_id where r.student_id = ? order by e.referred_on"),
            new Source("support-plans", "Support plans", "select * from support_plan where student_id = ? order by started_on"),
            new Source("plan-sessions", "Support plan sessions",
                    "select ps.* from plan_session ps join support_plan p on p.id = ps.plan_id where p.student_id = ? order by ps.held_on"),
            new Source("incidents", "Incidents the student was involved in",
                    "select i.* from incident i where i.id in (select incident_id from incident_student where student_id = ?) order by i.occurred_at"),
            new Source("incident-parts", "The student's part in each incident, sanctions", "select * from incident_student where student_id = ?"),
            new Source("incident-checklist", "Checklist items about the student (statements, contacts with home)",
                    "select * from incident_check where student_id = ? order by incident_id, position"),
            new Source("use-of-force", "Use of reasonable force records",
                    "select u.* from use_of_force u where u.incident_id in (select incident_id from incident_student where student_id = ? and force_used_on = true)"),
            new Source("incident-attachments", "Files attached to checklist items about the student (the files are in attachments/)",
                    "select a.id, a.incident_id, a.check_id, a.file_name, a.content_type, a.size_bytes, a.sha256, a.uploaded_by, a.uploaded_at "
                            + "from incident_attachment a join incident_check c on c.id = a.check_id where c.student_id = ?"),
            new Source("mediations", "Restorative mediations",
                    "select m.* from mediation m where m.id in (select mediation_id from mediation_party where student_id = ?) order by m.requested_at"),
            new Source("mediation-parties", "The student as a party to mediation", "select * from mediation_party where student_id = ?"),
            new Source("attendance-weeks", "Weekly attendance from the MIS", "select * from attendance_week where student_id = ? order by week_commencing"),
            new Source("attendance-concerns", "Attendance concerns", "select * from attendance_concern where student_id = ? order by opened_at"),
            new Source("oncall-calls", "Calls for help about the student", "select * from oncall_call where student_id = ? order by raised_at"),
            new Source("retention-reviews", "Retention decisions", "select * from retention_review where student_id = ? order by listed_at"),
            new Source("audit-trail", "Who has viewed, exported or changed the student's records", "select * from audit_event where student_id = ? order by at"));

    /** What one CSV holds: its columns and rows as text. */
    public record Part(String file, String title, List<String> columns, List<List<String>> rows) {
    }

    private final JdbcTemplate jdbc;
    private final CaseStore caseStore;
    private final AuditLog audit;
    private final PdfRenderer pdfs;
    private final Formats fmt;

    SubjectAccessExport(JdbcTemplate jdbc, CaseStore caseStore, AuditLog audit, PdfRenderer pdfs, Formats fmt) {
        this.jdbc = jdbc;
        this.caseStore = caseStore;
        this.audit = audit;
        this.pdfs = pdfs;
        this.fmt = fmt;
    }

    /** The parts of the export, chronology first. */
    @Transactional(readOnly = true)
    public List<Part> parts(Student student) {
        List<Part> parts = new ArrayList<>();
        List<List<String>> entries = new ArrayList<>();
        for (ChronologyEntry e : caseStore.everythingAbout(student.getId())) {
            entries.add(List.of(String.valueOf(e.getId()), e.getKind().label(), e.getConfidentiality().label(), text(e.getOccurredAt()),
                    text(e.getRecordedAt()), e.getRecordedBy(), e.getSummary(), text(e.getDetail()), text(e.getSourceType()),
                    text(e.getSourceId()), text(e.getCorrectsEntryId())));
        }
        parts.add(new Part("chronology", "Chronology (every entry, every confidentiality)", List.of("id", "kind", "confidentiality",
                "occurred_at", "recorded_at", "recorded_by", "summary", "detail", "source_type", "source_id", "corrects_entry_id"), entries));
        for (Source s : SOURCES) {
            List<String> columns = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            jdbc.query(s.sql(), rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                if (columns.isEmpty()) {
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        columns.add(meta.getColumnLabel(c).toLowerCase(Locale.ROOT));
                    }
                }
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    row.add(text(rs.getObject(c)));
                }
                rows.add(row);
            }, student.getId());
            parts.add(new Part(s.file(), s.title(), columns, rows));
        }
        return parts;
    }

    /** The ZIP, audited as one export with how many rows of each kind it held. */
    @Transactional
    public byte[] zip(Student student, Viewer viewer) {
        List<Part> parts = parts(student);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "README.txt", readme(student, viewer).getBytes(StandardCharsets.UTF_8));
            put(zip, "record.pdf", pdf(student, parts, viewer));
            for (Part p : parts) {
                put(zip, p.file() + ".csv", csv(p));
            }
            jdbc.query("select a.incident_id, a.id, a.file_name, a.content from incident_attachment a join incident_check c on c.id = a.check_id "
                    + "where c.student_id = ?", rs -> {
                try {
                    put(zip, "attachments/incident-" + rs.getLong(1) + "/" + rs.getLong(2) + "-" + safe(rs.getString(3)), rs.getBytes(4));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, student.getId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        parts.stream().filter(p -> !p.rows().isEmpty()).forEach(p -> counts.put(p.file(), p.rows().size()));
        String detail = "subject access export: " + counts;
        audit.record(viewer.userId(), AuditLog.EXPORT, "student", student.getId(), student.getId(),
                detail.length() > 500 ? detail.substring(0, 497) + "..." : detail);
        return bytes.toByteArray();
    }

    private byte[] pdf(Student student, List<Part> parts, Viewer viewer) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("student", student);
        vars.put("parts", parts);
        vars.put("fmt", fmt);
        vars.put("generatedAt", Instant.now());
        vars.put("generatedBy", viewer.displayName());
        return pdfs.render("subjectaccess/record", vars);
    }

    private String readme(Student student, Viewer viewer) {
        return "Subject access export for " + student.displayName() + " (UPN " + student.getUpn() + ")\n"
                + "Made by " + viewer.displayName() + " (" + viewer.userId() + ") on " + fmt.when(Instant.now()) + ".\n\n"
                + "record.pdf      everything below, to read\n"
                + "*.csv           one file per kind of record, every column as the school holds it\n"
                + "attachments/    files attached to checklist items about the student\n\n"
                + "This is everything the school's Pastoral Flow holds about the student, unredacted, including\n"
                + "safeguarding records. Before anything is disclosed, the school's data protection lead must remove\n"
                + "information about other people and anything exempt from disclosure (for example where it would\n"
                + "be likely to cause serious harm to the child or another person).\n";
    }

    static byte[] csv(Part p) {
        CsvExport csv = CsvExport.withHeader(p.columns());
        p.rows().forEach(csv::row);
        return csv.toBytes();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String safe(String fileName) {
        return fileName == null ? "file" : fileName.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    private static String text(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof byte[] b) {
            return "(" + b.length + " bytes)";
        }
        return o.toString();
    }
}
