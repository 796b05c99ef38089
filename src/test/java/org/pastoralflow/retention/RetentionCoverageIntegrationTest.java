package org.pastoralflow.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.investigation.Incident;
import org.pastoralflow.investigation.IncidentLog;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.student.StudentRow;
import org.pastoralflow.student.UpnTestSupport;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.suspension.Suspensions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Destroying a former pupil's child protection records reaches every table that holds them, not
 * only the chronology and the referrals: a harmful sexual behaviour incident about two pupils (the
 * first pupil's part goes, the incident stays until the second's date), the suspension after it.
 * Then, whatever the features: no table with a student and a confidentiality keeps a row of that
 * pupil at that level (the contact with home a DSL logged among them), and no table of a record's parts (a student and a link to a record with a
 * confidentiality) keeps one. Tables are found from the database's own catalogue, so a new
 * feature's records are checked without a list to keep.
 */
@PostgresIntegrationTest
class RetentionCoverageIntegrationTest {

    static final Viewer TEACHER = new Viewer("teacher", "Tess", Set.of("staff"));

    @Autowired StudentRepository students;
    @Autowired IncidentLog incidents;
    @Autowired Suspensions suspensions;
    @Autowired ReferralService referrals;
    @Autowired org.pastoralflow.family.ContactLog contactLog;
    @Autowired List<RetainedRecords> retained;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired org.pastoralflow.family.ContactImporter contactImporter;
    @Autowired org.pastoralflow.letters.LetterTemplates templates;
    @Autowired org.pastoralflow.letters.Letters letters;

    Student formerPupil(String surname) {
        String upn = UpnTestSupport.valid(String.format("%012d", System.nanoTime() % 1_000_000_000_000L));
        Student s = new Student(upn);
        s.updateFrom(new StudentRow(upn, surname, "Former", null, LocalDate.of(1995, 5, 1), "M", 11, "11X", "N", false, false, false,
                false, false), Instant.now());
        return students.save(s);
    }

    /** As RetentionService destroys them: every feature's part, in their order, in one transaction. */
    void destroy(Student s) {
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(t ->
                retained.forEach(r -> r.destroy(s.getId(), Confidentiality.SAFEGUARDING)));
    }

    /** Rows of the pupil at that level left anywhere: "table: n". */
    List<String> leftAt(Student s, Confidentiality level) {
        List<String> left = new ArrayList<>();
        for (String table : jdbc.queryForList("""
                select c.table_name from information_schema.columns c join information_schema.columns k
                  on k.table_schema = c.table_schema and k.table_name = c.table_name and k.column_name = 'confidentiality'
                where c.table_schema = current_schema() and c.column_name = 'student_id'""", String.class)) {
            Integer n = jdbc.queryForObject("select count(*) from " + table + " where student_id = ? and confidentiality = ?",
                    Integer.class, s.getId(), level.name());
            if (n != null && n > 0) {
                left.add(table + ": " + n);
            }
        }
        // a record's parts: a table with the student and a foreign key to a table with a confidentiality
        for (Map<String, Object> fk : jdbc.queryForList("""
                select cl.relname child, a.attname child_column, pl.relname parent
                from pg_constraint f join pg_class cl on cl.oid = f.conrelid join pg_class pl on pl.oid = f.confrelid
                  join pg_attribute a on a.attrelid = f.conrelid and a.attnum = f.conkey[1]
                where f.contype = 'f' and cl.relnamespace = to_regnamespace(current_schema())
                  and exists (select 1 from information_schema.columns x where x.table_schema = current_schema()
                              and x.table_name = cl.relname and x.column_name = 'student_id')
                  and exists (select 1 from information_schema.columns y where y.table_schema = current_schema()
                              and y.table_name = pl.relname and y.column_name = 'confidentiality')
                  and pl.relname <> 'student'""")) {
            String child = (String) fk.get("child");
            String parent = (String) fk.get("parent");
            Integer n = jdbc.queryForObject("select count(*) from " + child + " c join " + parent + " p on p.id = c." + fk.get("child_column")
                    + " where c.student_id = ? and p.confidentiality = ?", Integer.class, s.getId(), level.name());
            if (n != null && n > 0) {
                left.add(child + " (part of " + parent + "): " + n);
            }
        }
        return left;
    }

    @Test
    void destroyingChildProtectionRecordsLeavesNoneOfThemInAnyTable() {
        Student first = formerPupil("Retained" + System.nanoTime() % 10000);
        Student second = formerPupil("Retained" + System.nanoTime() % 10000);
        Map<String, String> form = new HashMap<>(Map.of("occurredOn", "2011-03-14", "occurredTime", "12:30", "location", "Changing rooms",
                "type", "harmful-sexual-behaviour", "description", "An old account that must not outlive its date",
                "staffInvolved", "Tess Teacher"));
        form.putAll(Map.of("upn-0", first.getUpn(), "part-0", "alleged-perpetrator", "upn-1", second.getUpn(), "part-1", "target"));
        Incident incident = incidents.log(new FormData(form), TEACHER);
        assertThat(incident.isSafeguarding()).isTrue();
        suspensions.startFromIncident(incident.getId(), incident.getReference(), Confidentiality.SAFEGUARDING, first.getId(), 3,
                "The incident's account", "head");
        referrals.raise(new FormData(Map.of("studentId", first.getId().toString(), "category", "safeguarding",
                "description", "An old disclosure", "occurredAt", "2011-03-14T13:00")), TEACHER);
        contactLog.record(first.getId(), new FormData(Map.of("contact", "other", "withWhom", "Grandmother", "method", "phone-made",
                "day", "2011-03-15", "time", "09:30", "said", "Told her of the referral", "agreed", "None",
                "confidentiality", "safeguarding")), new Viewer("dsl", "Dee", Set.of("staff", "dsl")));
        // what there is to destroy, so the check below is not an empty one
        // (the incident referred itself to the DSL: two referrals)
        assertThat(leftAt(first, Confidentiality.SAFEGUARDING)).contains("suspension: 1", "referral: 2", "contact_log: 1")
                .anyMatch(t -> t.startsWith("incident_student (part of incident)"))
                .anyMatch(t -> t.startsWith("chronology_entry"));

        destroy(first);
        assertThat(leftAt(first, Confidentiality.SAFEGUARDING)).isEmpty();
        // the other pupil's date has not come: the incident and their part stay
        assertThat(jdbc.queryForObject("select count(*) from incident where id = ?", Integer.class, incident.getId())).isOne();
        assertThat(leftAt(second, Confidentiality.SAFEGUARDING)).anyMatch(t -> t.startsWith("incident_student (part of incident)"));

        destroy(second);
        assertThat(leftAt(second, Confidentiality.SAFEGUARDING)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from incident where id = ?", Integer.class, incident.getId())).isZero();
    }

    /**
     * The outbox rows of e-mails that left the school about this pupil (to_family: a letter home, an
     * invitation to a meeting), found from the catalogue: every table with the student and a
     * notification_id points at the e-mail that carried its text.
     */
    List<Long> emailsOut(Student s) {
        List<Long> ids = new java.util.ArrayList<>();
        for (String table : jdbc.queryForList("""
                select c.table_name from information_schema.columns c join information_schema.columns k
                  on k.table_schema = c.table_schema and k.table_name = c.table_name and k.column_name = 'student_id'
                where c.table_schema = current_schema() and c.column_name = 'notification_id'""", String.class)) {
            ids.addAll(jdbc.queryForList("select notification_id from " + table + " where student_id = ? and notification_id is not null",
                    Long.class, s.getId()));
        }
        return ids;
    }

    @Test
    void anEmailHomeInTheOutboxIsDestroyedWithTheLetterWhoseTextItCarries() throws Exception {
        Student pupil = formerPupil("Retained" + System.nanoTime() % 10000);
        String csv = "UPN,Contact Surname,Contact Forename,Relationship,Parental Responsibility,Priority,Email\r\n"
                + pupil.getUpn() + ",Example,Jo,Mother,Y,1,jo.retained@example.org\r\n";
        assertThat(contactImporter.importCsv(new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "admin").accepted()).isTrue();
        Viewer lead = new Viewer("lead", "Lee", Set.of("staff", "pastoral-lead"));
        var template = templates.save(null, new FormData(Map.of("name", "Retention " + System.nanoTime(), "subject", "About {{student.firstName}}",
                "body", "Dear {{contact.name}}, about {{student.fullName}}.", "reason", "First version")), lead);
        Long contact = letters.recipients(pupil.getId()).get(0).contact().getId();
        var letter = letters.send(pupil.getId(), new FormData(Map.of("template", template.getTemplateNo().toString(),
                "contact", contact.toString(), "channel", "email")), lead);
        assertThat(emailsOut(pupil)).containsExactly(letter.getNotificationId());
        assertThat(jdbc.queryForObject("select body from notification where id = ?", String.class, letter.getNotificationId()))
                .contains(pupil.displayName());

        // destroyed at its level (a letter home is pastoral): the letter and the e-mail that carried its text, both
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(t ->
                retained.forEach(r -> r.destroy(pupil.getId(), Confidentiality.PASTORAL)));
        assertThat(emailsOut(pupil)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from notification where id = ?", Integer.class, letter.getNotificationId())).isZero();
    }
}
