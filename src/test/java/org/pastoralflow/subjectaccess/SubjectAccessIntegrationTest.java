package org.pastoralflow.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditRepository;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.investigation.Incident;
import org.pastoralflow.investigation.InvestigationService;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.EarlierToday;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.forms.FormData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The subject access export: everything held, for the DSL and administrators only, audited. */
@PostgresIntegrationTest
class SubjectAccessIntegrationTest {

    static final Viewer TEACHER = new Viewer("teacher", "Tess", Set.of("staff"));

    @LocalServerPort int port;
    @Autowired StudentRepository students;
    @Autowired CaseStore caseStore;
    @Autowired ReferralService referrals;
    @Autowired InvestigationService investigations;
    @Autowired AuditRepository audit;

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void theExportHoldsEveryRecordWhateverItsConfidentialityAndIsAudited() throws Exception {
        Student s = students.findAll().stream().filter(x -> x.getYearGroup() == 11).sorted(Comparator.comparing(Student::getUpn))
                .skip(120).findFirst().orElseThrow();
        caseStore.record(NewEntry.now(s.getId(), EntryKind.NOTE, Confidentiality.SAFEGUARDING, "dsl",
                "Subject access: a safeguarding note", "Held by the DSL", null, null));
        Referral r = referrals.raise(new FormData(Map.of("studentId", s.getId().toString(), "category", "welfare",
                "description", "Subject access referral", "occurredAt", "2026-11-20T10:00")), TEACHER);
        Incident i = investigations.log(new FormData(Map.of("occurredOn", EarlierToday.date(0, 3),
                "occurredTime", EarlierToday.time(0, 3), "location", "Field", "type", "other", "description", "Subject access incident",
                "upn-0", s.getUpn(), "part-0", "target")), TEACHER);

        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        assertThat(dsl.get("/subject-access/" + s.getId()).body()).contains("What the export holds").contains("unredacted");
        long before = audit.findAll().stream().filter(e -> "EXPORT".equals(e.getAction()) && s.getId().equals(e.getStudentId())).count();
        var response = dsl.getBytes("/subject-access/" + s.getId() + "/export.zip");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        Map<String, byte[]> files = unzip(response.body());
        assertThat(files).containsKeys("README.txt", "record.pdf", "chronology.csv", "referrals.csv", "incidents.csv",
                "incident-parts.csv", "student.csv", "audit-trail.csv");
        assertThat(new String(files.get("chronology.csv"), StandardCharsets.UTF_8))
                .contains("Subject access: a safeguarding note").contains("safeguarding");
        assertThat(new String(files.get("referrals.csv"), StandardCharsets.UTF_8)).contains(r.getReference());
        assertThat(new String(files.get("incidents.csv"), StandardCharsets.UTF_8)).contains(i.getReference());
        assertThat(new String(files.get("student.csv"), StandardCharsets.UTF_8)).contains(s.getUpn());
        assertThat(new String(files.get("record.pdf"), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(audit.findAll().stream().filter(e -> "EXPORT".equals(e.getAction()) && s.getId().equals(e.getStudentId())
                && "dsl".equals(e.getActor()) && e.getDetail().contains("chronology")).count()).isEqualTo(before + 1);

        HttpUser admin = HttpUser.signedIn(port, "admin");
        assertThat(admin.get("/subject-access?q=" + s.getUpn()).body()).contains("/subject-access/" + s.getId());
        assertThat(admin.getBytes("/subject-access/" + s.getId() + "/export.zip").statusCode()).isEqualTo(200);
        for (String role : List.of("pso", "lead", "head", "teacher")) {
            assertThat(HttpUser.signedIn(port, role).get("/subject-access/" + s.getId() + "/export.zip").statusCode()).as(role).isEqualTo(403);
        }
    }
}
