package org.pastoralflow.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.family.ContactImporter;
import org.pastoralflow.family.FamilyContact;
import org.pastoralflow.family.FamilyContacts;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.TestMail;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Letters home on PostgreSQL: a template with anything but listed merge fields refused with the
 * field named and nothing written; every save a new version, a stale edit refused; a restricted
 * contact (or one without parental responsibility) neither offered nor accepted; an e-mail whose
 * text, as GreenMail received it, is exactly the text in the letter and the chronology; a letter for
 * the post as a PDF. Year 8 students from the end of the list by UPN with no contacts imported.
 */
@PostgresIntegrationTest
class LettersIntegrationTest {

    static final Viewer LEAD = new Viewer("lead", "Lee Pastoral-Lead", Set.of("staff", "pastoral-lead"));
    static final Viewer PSO = new Viewer("pso", "Pat Officer", Set.of("staff", "pso"));
    static final String HEADER = "UPN,Contact Surname,Contact Forename,Relationship,Parental Responsibility,Priority,Lives With Pupil,"
            + "Mobile Phone,Email,Address Line 1,Town,Postcode,Restrictions\r\n";

    @Autowired MockMvc mvc;
    @Autowired LetterTemplates templates;
    @Autowired Letters letters;
    @Autowired ContactImporter importer;
    @Autowired FamilyContacts contacts;
    @Autowired StudentRepository students;
    @Autowired CaseStore caseStore;
    @Autowired Notifier notifier;
    @Autowired JdbcTemplate jdbc;
    @Autowired LettersSubjectAccess subjectAccess;

    /** A Year 8 student with no contacts imported, the n-th from the end by UPN. */
    Student year8(int n) {
        Set<Long> taken = Set.copyOf(jdbc.queryForList("select distinct student_id from family_contact", Long.class));
        return students.findAll().stream().filter(s -> s.getYearGroup() == 8).filter(s -> !taken.contains(s.getId()))
                .sorted(Comparator.comparing(Student::getUpn).reversed()).skip(n).findFirst().orElseThrow();
    }

    /** Grace (mother, parental responsibility), Daniel (father, no contact), Ruth (grandmother, no parental responsibility). */
    List<FamilyContact> family(Student s) throws Exception {
        String csv = HEADER
                + s.getUpn() + ",Okafor,Grace,Mother,Y,1,Y,07700 900111,grace.okafor@example.org,12 Mill Lane,Exampleton,ZX1 1AB,\r\n"
                + s.getUpn() + ",Okafor,Daniel,Father,Y,2,N,07700 900112,daniel.okafor@example.org,3 Ferry Road,Exampleton,ZX2 2CD,NC\r\n"
                + s.getUpn() + ",Okafor,Ruth,Grandparent,N,3,N,07700 900113,ruth.okafor@example.org,,,,\r\n";
        assertThat(importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "admin").accepted()).isTrue();
        return contacts.of(s.getId(), PSO).stream().map(FamilyContacts.ContactCard::contact).toList();
    }

    static FormData form(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new FormData(values);
    }

    TemplateVersion template(String name, String body) {
        return templates.save(null, form("name", name, "subject", "About {{student.firstName}}", "body", body, "reason", "First version"),
                LEAD);
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void aTemplateWithAnythingButMergeFieldsIsRefusedWithTheFieldAndTheTextNamed() {
        long before = count("letter_template_version");
        assertThatThrownBy(() -> templates.save(null, form("name", "Bad", "subject", "Hello {{student.upn}}",
                "body", "Dear parent, ${T(java.lang.Runtime).getRuntime().exec('id')}", "reason", "try"), LEAD))
                .isInstanceOfSatisfying(InvalidFormException.class, e -> {
                    assertThat(e.errors().get("subject")).contains("\"{{student.upn}}\" is not a merge field");
                    assertThat(e.errors().get("body")).contains("\"${T(java.lang.Runtime)");
                });
        assertThat(count("letter_template_version")).isEqualTo(before);
    }

    @Test
    void everySaveIsANewVersionAndAStaleEditIsRefused() throws Exception {
        TemplateVersion v1 = template("General letter " + System.nanoTime(), "Dear {{contact.name}},\n\nFirst.");
        TemplateVersion v2 = templates.save(v1.getTemplateNo(), form("name", v1.getName(), "subject", "About {{student.fullName}}",
                "body", "Dear {{contact.name}},\n\nSecond.", "reason", "Warmer opening", "basedOn", "1"), LEAD);
        assertThat(v2.getVersion()).isEqualTo(2);
        assertThat(v2.getTemplateNo()).isEqualTo(v1.getTemplateNo());
        assertThatThrownBy(() -> templates.save(v1.getTemplateNo(), form("name", v1.getName(), "subject", "x", "body", "Third",
                "reason", "late", "basedOn", "1"), LEAD))
                .isInstanceOfSatisfying(InvalidFormException.class, e -> assertThat(e.errors()).containsKey("basedOn"));
        assertThat(templates.history(v1.getTemplateNo())).extracting(TemplateVersion::getVersion, TemplateVersion::getReason,
                TemplateVersion::getSavedBy).containsExactly(org.assertj.core.groups.Tuple.tuple(2, "Warmer opening", "lead"),
                org.assertj.core.groups.Tuple.tuple(1, "First version", "lead"));
        assertThat(templates.current(v1.getTemplateNo()).getBody()).endsWith("Second.");

        // the editor page, for the Pastoral Lead only, previews with the invented student
        MockHttpSession lead = Web.signIn(mvc, "lead");
        String page = mvc.perform(get("/letters/templates/" + v1.getTemplateNo()).session(lead)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Dear Jo Example,", "About Sam Example", "Warmer opening");
        mvc.perform(get("/letters/templates/" + v1.getTemplateNo()).session(Web.signIn(mvc, "pso"))).andExpect(status().isForbidden());

        // and with a real student the Pastoral Lead may read about, with the parent a letter would go to; audited
        Student s = year8(5);
        family(s);
        String real = mvc.perform(get("/letters/templates/" + v1.getTemplateNo()).param("upn", s.getUpn().toLowerCase()).session(lead))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(real).contains("About " + s.displayName(), "Dear Grace Okafor,", "Dear Jo Example,");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'VIEW' and record_type = 'letter-template' "
                + "and student_id = ?", Long.class, s.getId())).isOne();
        // no such student, or bad input: the same answer on the field, nothing shown
        String unknown = mvc.perform(get("/letters/templates/" + v1.getTemplateNo()).param("upn", "Z999999999999").session(lead))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("id=\"previewUpn-error\"", "No student you may write to about has this UPN.");
        assertThat(mvc.perform(get("/letters/templates/" + v1.getTemplateNo()).param("upn", "A".repeat(40)).session(lead))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString()).contains("id=\"previewUpn-error\"")
                .doesNotContain("With that student");
    }

    @Test
    void aRestrictedContactIsNeitherOfferedNorAccepted() throws Exception {
        Student s = year8(0);
        List<FamilyContact> family = family(s);
        FamilyContact grace = family.get(0);
        FamilyContact daniel = family.get(1);
        FamilyContact ruth = family.get(2);
        TemplateVersion t = template("Meeting invitation " + System.nanoTime(), "Dear {{contact.name}},\n\n{{letter.note}}");
        assertThat(letters.recipients(s.getId())).extracting(r -> r.contact().getId()).containsExactly(grace.getId());

        MockHttpSession pso = Web.signIn(mvc, "pso");
        String page = mvc.perform(get("/students/" + s.getId() + "/letters/new").session(pso)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"" + grace.getId() + "\"").doesNotContain("value=\"" + daniel.getId() + "\"")
                .doesNotContain("value=\"" + ruth.getId() + "\"").doesNotContain("Daniel");

        long sent = count("letter");
        long entries = count("chronology_entry");
        long outbox = count("notification");
        for (FamilyContact refused : List.of(daniel, ruth)) {
            MockHttpServletRequestBuilder request = post("/students/" + s.getId() + "/letters").session(pso).with(csrf())
                    .param("template", t.getTemplateNo().toString()).param("contact", refused.getId().toString())
                    .param("channel", "email").param("note", "Please come in on Tuesday.");
            String answer = mvc.perform(request).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
            assertThat(answer).contains("id=\"contact-error\"", refused == daniel ? "Daniel Okafor must not be contacted (No contact)"
                    : "Ruth Okafor has no parental responsibility recorded");
        }
        assertThat(count("letter")).isEqualTo(sent);
        assertThat(count("chronology_entry")).isEqualTo(entries);
        assertThat(count("notification")).isEqualTo(outbox);
    }

    @Test
    void theEmailSentIsExactlyTheTextInTheChronology() throws Exception {
        Student s = year8(1);
        FamilyContact grace = family(s).get(0);
        TemplateVersion t = template("Positive news " + System.nanoTime(),
                "Dear {{contact.name}},\n\nWe are delighted with {{student.firstName}} in {{student.yearGroup}} this week "
                        + "(attendance {{attendance.percentage}}).\n\n{{letter.note}}\n\n{{sender.name}}, {{school.name}}");
        String note = "Special mention in assembly: <b>well done</b> & thank you — ${not.an.expression}";
        Letter letter = letters.send(s.getId(), form("template", t.getTemplateNo().toString(), "contact", grace.getId().toString(),
                "channel", "email", "note", note), PSO);

        String first = s.getPreferredForename() == null || s.getPreferredForename().isBlank() ? s.getLegalForename() : s.getPreferredForename();
        assertThat(letter.getSubject()).isEqualTo("About " + first);
        assertThat(letter.getBody()).startsWith("Dear Grace Okafor,\n\nWe are delighted with " + first + " in Year 8 this week")
                .contains(note, "Pat Officer, ").doesNotContain("{{");
        assertThat(letter.getTemplateVersionId()).isEqualTo(t.getId());
        assertThat(letter.getToAddress()).isEqualTo("grace.okafor@example.org");

        ChronologyEntry entry = caseStore.chronology(s.getId(), PSO, "test").stream()
                .filter(e -> letter.getId().equals(e.getSourceId()) && Letter.RECORD_TYPE.equals(e.getSourceType())).findFirst().orElseThrow();
        assertThat(entry.getKind()).isEqualTo(EntryKind.CONTACT_HOME);
        assertThat(entry.getSummary()).contains("E-mail home to Grace Okafor (Mother): About " + first);
        assertThat(entry.getDetail()).isEqualTo(letter.getBody());

        MimeMessage received = null;
        for (MimeMessage m : TestMail.received()) {
            if (m.getAllRecipients()[0].toString().equals("grace.okafor@example.org") && m.getSubject().equals(letter.getSubject())
                   ) {
                received = m;
            }
        }
        assertThat(received).as("the e-mail GreenMail received").isNotNull();
        // SMTP carries lines ending CRLF, and may end the text with one
        assertThat(received.getContent().toString().replace("\r\n", "\n").stripTrailing()).isEqualTo(entry.getDetail());
        assertThat(notifier.status(letter.getNotificationId())).isEqualTo("SENT");

        // the administrator's outbox list leaves out e-mails home: they name the child
        String admin = mvc.perform(get("/admin").session(Web.signIn(mvc, "admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(admin).doesNotContain("grace.okafor@example.org");
    }

    @Test
    void aLetterForThePostIsAPdfAndNotEmailed() throws Exception {
        Student s = year8(2);
        FamilyContact grace = family(s).get(0);
        TemplateVersion t = template("Attendance concern " + System.nanoTime(), "Dear {{contact.name}},\n\n{{contact.address}}");
        long outbox = count("notification");
        Letter letter = letters.send(s.getId(), form("template", t.getTemplateNo().toString(), "contact", grace.getId().toString(),
                "channel", "post"), PSO);
        assertThat(letter.getToAddress()).isEqualTo("12 Mill Lane, Exampleton, ZX1 1AB");
        assertThat(letter.getNotificationId()).isNull();
        assertThat(count("notification")).isEqualTo(outbox);
        MockHttpSession pso = Web.signIn(mvc, "pso");
        byte[] pdf = mvc.perform(get("/letters/" + letter.getReference() + "/letter.pdf").session(pso)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(mvc.perform(get("/letters/" + letter.getReference()).session(pso)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("Dear Grace Okafor,");
        assertThat(mvc.perform(get("/students/" + s.getId()).session(pso)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("/letters/" + letter.getReference());

        // in the subject access export, the address shown after the next import replaces the contact rows; withheld once a
        // restriction withholds it
        assertThat(subjectAccess.heldAbout(s.getId()).get(0).items()).singleElement()
                .satisfies(i -> assertThat(i.fields().get("to_address")).isEqualTo("12 Mill Lane, Exampleton, ZX1 1AB"));
        assertThat(importer.importCsv(new ByteArrayInputStream((HEADER + s.getUpn()
                + ",Okafor,Grace,Mother,Y,1,Y,07700 900111,grace.okafor@example.org,12 Mill Lane,Exampleton,ZX1 1AB,\r\n")
                .getBytes(StandardCharsets.UTF_8)), "admin").accepted()).isTrue();
        assertThat(subjectAccess.heldAbout(s.getId()).get(0).items()).singleElement()
                .satisfies(i -> assertThat(i.fields().get("to_address")).isEqualTo("12 Mill Lane, Exampleton, ZX1 1AB"));
        String withheld = HEADER
                + s.getUpn() + ",Okafor,Grace,Mother,Y,1,Y,07700 900111,grace.okafor@example.org,12 Mill Lane,Exampleton,ZX1 1AB,DND\r\n";
        assertThat(importer.importCsv(new ByteArrayInputStream(withheld.getBytes(StandardCharsets.UTF_8)), "admin").accepted()).isTrue();
        assertThat(subjectAccess.heldAbout(s.getId()).get(0).items()).singleElement()
                .satisfies(i -> assertThat(i.fields().get("to_address")).isEqualTo(LettersSubjectAccess.WITHHELD));
    }
}
