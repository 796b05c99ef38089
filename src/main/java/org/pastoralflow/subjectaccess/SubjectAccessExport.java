package org.pastoralflow.subjectaccess;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.pastoralflow.documents.CsvExport;
import org.pastoralflow.documents.Formats;
import org.pastoralflow.documents.PdfRenderer;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reply to a subject access request (UK GDPR Art. 15), as one ZIP: {@code record.pdf} to
 * read, one CSV per kind of record, the files attached to records, and {@code withheld.csv}: what
 * was not disclosed and why, without its content. Records the DSL withheld are left out; other
 * pupils' names are shown as "another pupil". Each download is an EXPORT in the audit trail, with
 * what it held and a fingerprint of the file.
 */
@Service
public class SubjectAccessExport {

    /** One line of the withheld list: which record, what of it, and the exemption. */
    public record Withheld(String part, String recordType, Long recordId, String what, WithholdReason reason, String explanation) {
    }

    /** What the export discloses, table by table, and what it withholds. */
    public record Contents(List<Held.Table> disclosed, List<Withheld> withheld) {

        public int disclosedCount() {
            return disclosed.stream().mapToInt(t -> t.rows().size()).sum();
        }
    }

    static final List<String> WITHHELD_COLUMNS = List.of("part", "record_type", "record_id", "what", "reason", "explanation");

    private final HeldRecords held;
    private final SubjectAccessService requests;
    private final PdfRenderer pdfs;
    private final Formats fmt;
    private final Clock clock;

    SubjectAccessExport(HeldRecords held, SubjectAccessService requests, PdfRenderer pdfs, Formats fmt, Clock clock) {
        this.held = held;
        this.requests = requests;
        this.pdfs = pdfs;
        this.fmt = fmt;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Contents contents(SubjectAccessRequest r) {
        Held all = held.about(r.getStudentId());
        Map<String, WithheldItem> decided = requests.withheld(r).stream()
                .collect(Collectors.toMap(WithheldItem::key, w -> w, (a, b) -> a));
        List<Held.Table> disclosed = new ArrayList<>();
        List<Withheld> withheld = new ArrayList<>();
        all.tables().forEach(t -> {
            List<Held.Row> kept = new ArrayList<>();
            for (Held.Row row : t.rows()) {
                WithheldItem w = decided.get(row.key());
                if (w != null) {
                    withheld.add(new Withheld(t.title(), row.item().recordType(), row.item().recordId(), "The whole record", w.reason(),
                            w.getNote() == null ? "" : w.getNote()));
                } else {
                    kept.add(row);
                    row.redactedFields().forEach(field -> withheld.add(new Withheld(t.title(), row.item().recordType(),
                            row.item().recordId(), "The name of another pupil, in " + field, WithholdReason.THIRD_PARTY,
                            "Shown as \"" + PupilNames.REPLACEMENT + "\"")));
                }
            }
            disclosed.add(t.withRows(kept));
        });
        return new Contents(disclosed, withheld);
    }

    /** The ZIP for the DSL, recorded on the request and audited as one export. */
    @Transactional
    public byte[] zip(SubjectAccessRequest r, Student student, Viewer viewer) {
        Contents contents = contents(r);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "README.txt", readme(r, student, contents).getBytes(StandardCharsets.UTF_8));
            put(zip, "record.pdf", pdf(r, student, contents, viewer));
            for (Held.Table t : contents.disclosed()) {
                put(zip, t.file() + ".csv", csv(t.columns(), t.rows().stream()
                        .map(row -> t.columns().stream().map(c -> row.shown().getOrDefault(c, "")).toList()).toList()));
                for (Held.Row row : t.rows()) {
                    if (row.item().attachment() != null) {
                        // named by the record, not the uploaded name, which may name someone
                        put(zip, "attachments/" + t.file() + "/" + row.item().recordId() + extension(row.item().attachment().fileName()),
                                row.item().attachment().content().get());
                    }
                }
            }
            put(zip, "withheld.csv", csv(WITHHELD_COLUMNS, contents.withheld().stream().map(w -> List.of(w.part(), w.recordType(),
                    String.valueOf(w.recordId()), w.what(), w.reason().label(), w.explanation())).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] file = bytes.toByteArray();
        requests.recordExport(r, sha256(file), summary(contents), viewer);
        return file;
    }

    /** "withheld 3; chronology 12, referrals 2": what an export held, for the audit trail (cut at its 500 characters). */
    static String summary(Contents contents) {
        String parts = contents.disclosed().stream().filter(t -> !t.rows().isEmpty())
                .map(t -> t.file() + " " + t.rows().size()).collect(Collectors.joining(", "));
        return "withheld " + contents.withheld().size() + "; " + (parts.isEmpty() ? "no records" : parts);
    }

    private byte[] pdf(SubjectAccessRequest r, Student student, Contents contents, Viewer viewer) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("request", r);
        vars.put("student", student);
        vars.put("contents", contents);
        vars.put("fmt", fmt);
        vars.put("generatedAt", clock.instant());
        vars.put("generatedBy", viewer.displayName());
        return pdfs.render("subjectaccess/record", vars);
    }

    private String readme(SubjectAccessRequest r, Student student, Contents contents) {
        return "Information held about " + student.displayName() + " (UPN " + student.getUpn() + ")\n"
                + "In reply to subject access request " + r.getReference() + ", received on " + fmt.day(r.getReceivedOn()) + ".\n\n"
                + "record.pdf      everything below, to read\n"
                + "*.csv           one file per kind of record, every column as the school holds it\n"
                + "attachments/    files held with those records\n"
                + "withheld.csv    what was not disclosed, and why (" + contents.withheld().size() + ")\n\n"
                + "Information about other people, and information exempt from disclosure, has been withheld\n"
                + "(UK GDPR Art. 15(4); Data Protection Act 2018, Schedules 2 and 3). The names of other pupils\n"
                + "are shown as \"" + PupilNames.REPLACEMENT + "\".\n";
    }

    /** The one place the export writes CSV: the shared writer (UTF-8 with a BOM, formulas neutralised). */
    static byte[] csv(List<String> columns, List<List<String>> rows) {
        CsvExport csv = CsvExport.withHeader(columns);
        rows.forEach(csv::row);
        return csv.toBytes();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot).toLowerCase(java.util.Locale.ROOT);
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : "";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
