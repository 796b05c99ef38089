package org.pastoralflow.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.forms.ImportReport;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.student.Upn;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Parents and carers and the contact log on PostgreSQL: the contacts import refusing a file with bad
 * rows (an unknown UPN, a missing name, a restriction code the school does not use) and writing
 * nothing, then taking a good one; the student page listing the contacts with their restrictions; a
 * restricted contact neither offered nor accepted; and a contact logged with a follow-up that becomes
 * the logger's task, listed on "My follow-ups", and completed. Year 7 students from the end of the
 * list by UPN, which no other test logs contacts for.
 */
@PostgresIntegrationTest
class FamilyIntegrationTest {

    static final Viewer PSO = new Viewer("pso", "Pat", Set.of("staff", "pso"));
    static final String HEADER = "UPN,Contact Surname,Contact Forename,Relationship,Parental Responsibility,Priority,Lives With Pupil,"
            + "Mobile Phone,Email,Address Line 1,Town,Postcode,Restrictions\r\n";

    @Autowired MockMvc mvc;
    @Autowired ContactImporter importer;
    @Autowired FamilyContacts contacts;
    @Autowired StudentRepository students;
    @Autowired CaseStore caseStore;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;
    @Autowired FamilySubjectAccess subjectAccess;
    @Autowired org.camunda.bpm.engine.ManagementService management;

    /** A Year 7 student no contact has been logged for, the n-th from the end by UPN. */
    Student year7(int n) {
        Set<Long> logged = Set.copyOf(jdbc.queryForList("select distinct student_id from contact_log", Long.class));
        return students.findAll().stream().filter(s -> s.getYearGroup() == 7).filter(s -> !logged.contains(s.getId()))
                .sorted(Comparator.comparing(Student::getUpn).reversed()).skip(n).findFirst().orElseThrow();
    }

    /** A UPN of the right shape, with its check letter, that no student has. */
    String unknownUpn() {
        for (char c = 'A'; c <= 'Z'; c++) {
            String upn = c + "99999999999" + "9";
            if (Upn.isValid(upn) && students.findByUpn(upn).isEmpty()) {
                return upn;
            }
        }
        throw new IllegalStateException("no unused UPN");
    }

    ImportReport importCsv(String body) throws Exception {
        return importer.importCsv(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "admin");
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    List<FamilyContact> contactsOf(Student s) {
        return contacts.of(s.getId(), PSO).stream().map(FamilyContacts.ContactCard::contact).toList();
    }

    String restricted(Student s) throws Exception {
        return importCsv(HEADER
                + s.getUpn() + ",Okafor,Grace,Mother,Y,1,Y,07700 900111,grace@example.org,12 Mill Lane,Exampleton,ZX1 1AB,DND\r\n"
                + s.getUpn() + ",Okafor,Daniel,Father,Y,2,N,07700 900112,,,,,NC\r\n").accepted() ? "ok" : "refused";
    }

    @Test
    void anImportWithBadRowsIsRefusedRowByRowAndWritesNothing() throws Exception {
        Student s = year7(0);
        long before = count("family_contact");
        ImportReport report = importCsv(HEADER
                + s.getUpn() + ",Ahmed,Nadia,Mother,Y,1,Y,07700 900001,nadia@example.org,1 Mill Lane,Exampleton,ZX1 1AA,\r\n"
                + unknownUpn() + ",Brown,Lee,Father,Y,1,Y,,,,,,\r\n"
                + s.getUpn() + ",,Sam,Carer,N,2,N,,,,,,\r\n"
                + s.getUpn() + ",Ahmed,Imran,Father,Y,3,N,,,,,,XYZ\r\n");

        assertThat(report.accepted()).isFalse();
        assertThat(report.problems()).extracting(ImportReport.Problem::line).containsExactly(3, 4, 5);
        assertThat(report.problems().get(0).field()).isEqualTo("UPN");
        assertThat(report.problems().get(0).message()).contains("No student with UPN");
        assertThat(report.problems().get(1).field()).isEqualTo("Contact Surname");
        assertThat(report.problems().get(1).message()).contains("is empty");
        assertThat(report.problems().get(2).field()).isEqualTo("Restrictions");
        assertThat(report.problems().get(2).message()).contains("'XYZ' is not a restriction code", "NC No contact");
        assertThat(count("family_contact")).isEqualTo(before);
    }

    @Test
    void aGoodImportReplacesTheStudentsContactsAndTheStudentPageShowsThemWithTheirRestrictions() throws Exception {
        Student s = year7(1);
        assertThat(restricted(s)).isEqualTo("ok");
        assertThat(contactsOf(s)).extracting(FamilyContact::name).containsExactly("Grace Okafor", "Daniel Okafor");
        // imported again with one contact: the MIS is the master
        assertThat(importCsv(HEADER + s.getUpn() + ",Okafor,Grace,Mother,Y,1,Y,,,,,,\r\n").accepted()).isTrue();
        assertThat(contactsOf(s)).extracting(FamilyContact::name).containsExactly("Grace Okafor");

        assertThat(restricted(s)).isEqualTo("ok");
        String page = mvc.perform(get("/students/" + s.getId()).session(Web.signIn(mvc, "pso"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Parents and carers", "Grace Okafor", "Daniel Okafor", "Restriction: No contact",
                "Restriction: Do not disclose address", "(do not disclose)", "Do not contact");
        // the rule other features ask
        FamilyContact grace = contactsOf(s).get(0);
        FamilyContact daniel = contactsOf(s).get(1);
        assertThat(contacts.contactable(s.getId())).extracting(FamilyContact::getId).containsExactly(grace.getId());
        assertThat(contacts.mayContact(daniel.getId())).isFalse();
        assertThat(contacts.mayContact(grace.getId())).isTrue();
        assertThat(contacts.disclosableAddress(grace.getId())).isEmpty();
        // nobody without a caseworker group reads them
        assertThat(contacts.of(s.getId(), new Viewer("admin", "Ada", Set.of("admin")))).isEmpty();
        // a subject access export withholds the address before anyone reviews it
        var table = subjectAccess.heldAbout(s.getId()).get(0);
        assertThat(table.items()).hasSize(2);
        assertThat(table.items().get(0).fields()).containsEntry("surname", "Okafor").containsEntry("forename", "Grace")
                .containsEntry("address_line1", FamilySubjectAccess.WITHHELD).containsEntry("postcode", FamilySubjectAccess.WITHHELD);
        assertThat(table.items().get(1).fields()).containsEntry("forename", "Daniel").containsEntry("restrictions", "NC");
        assertThat(table.items().toString()).doesNotContain("12 Mill Lane", "ZX1 1AB");
    }

    Map<String, String> contactForm(String contact) {
        LocalDateTime at = JustNow.at().minusHours(1);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("contact", contact);
        form.put("method", "phone-made");
        form.put("day", at.toLocalDate().toString());
        form.put("time", at.toLocalTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
        form.put("said", "Talked about the week " + System.nanoTime());
        form.put("agreed", "Call back on Friday");
        form.put("confidentiality", "pastoral");
        return form;
    }

    int send(MockHttpSession session, String path, Map<String, String> form) throws Exception {
        MockHttpServletRequestBuilder request = post(path).session(session).with(csrf());
        form.forEach(request::param);
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @Test
    void aContactWhoMustNotBeContactedIsNeitherOfferedNorAccepted() throws Exception {
        Student s = year7(2);
        restricted(s);
        FamilyContact daniel = contactsOf(s).get(1);
        MockHttpSession pso = Web.signIn(mvc, "pso");
        String form = mvc.perform(get("/students/" + s.getId() + "/contacts/new").session(pso)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).doesNotContain("value=\"" + daniel.getId() + "\"").contains("Not offered: Daniel Okafor (Father) must not be contacted");

        long logged = count("contact_log");
        long entries = count("chronology_entry");
        MockHttpServletRequestBuilder request = post("/students/" + s.getId() + "/contacts").session(pso).with(csrf());
        contactForm(daniel.getId().toString()).forEach(request::param);
        String answer = mvc.perform(request).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("id=\"contact-error\"", "Daniel Okafor must not be contacted (No contact)");
        assertThat(count("contact_log")).isEqualTo(logged);
        assertThat(count("chronology_entry")).isEqualTo(entries);
    }

    @Test
    void aFollowUpBecomesTheLoggersTaskAndIsCompletedFromMyFollowUps() throws Exception {
        Student s = year7(3);
        restricted(s);
        FamilyContact grace = contactsOf(s).get(0);
        MockHttpSession pso = Web.signIn(mvc, "pso");
        Map<String, String> form = contactForm(grace.getId().toString());
        LocalDate followUp = JustNow.today().plusDays(3);
        form.put("followUpOn", followUp.toString());
        assertThat(send(pso, "/students/" + s.getId() + "/contacts", form)).isEqualTo(302);

        Map<String, Object> row = jdbc.queryForMap("select id, reference, process_instance_id, with_whom from contact_log where said = ?",
                form.get("said"));
        assertThat(row.get("with_whom")).isEqualTo("Grace Okafor (Mother)");
        assertThat(caseStore.chronology(s.getId(), PSO, "test")).anySatisfy(e -> {
            assertThat(e.getKind()).isEqualTo(EntryKind.CONTACT_HOME);
            assertThat(e.getSummary()).isEqualTo("Phone call made with Grace Okafor (Mother)");
            assertThat(e.getDetail()).contains(form.get("said"), "Agreed: Call back on Friday", "Follow up by");
        });
        Task task = tasks.createTaskQuery().processInstanceId((String) row.get("process_instance_id")).singleResult();
        assertThat(task.getAssignee()).isEqualTo("pso");
        assertThat(task.getTaskDefinitionKey()).isEqualTo(ContactFollowUpProcess.TASK);
        assertThat(task.getDueDate().toInstant()).isEqualTo(followUp.atTime(LocalTime.of(17, 0)).atZone(JustNow.SCHOOL).toInstant());

        String mine = mvc.perform(get("/family/follow-ups").session(pso)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(mine).contains((String) row.get("reference"), "/tasks/" + task.getId());
        // the Head of Year did not log it: not theirs
        assertThat(mvc.perform(get("/family/follow-ups").session(Web.signIn(mvc, "hoy"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain((String) row.get("reference"));
        // the student page lists the contact among contacts with home
        assertThat(mvc.perform(get("/students/" + s.getId()).session(pso)).andReturn().getResponse().getContentAsString())
                .contains("Contacts with home", "Phone call made with Grace Okafor (Mother)");

        assertThat(send(pso, "/tasks/" + task.getId(), Map.of("doneOn", JustNow.date(), "note", "Called back; all settled"))).isEqualTo(302);
        assertThat(tasks.createTaskQuery().processInstanceId((String) row.get("process_instance_id")).count()).isZero();
        assertThat(jdbc.queryForObject("select follow_up_note from contact_log where id = ?", String.class, row.get("id")))
                .isEqualTo("Called back; all settled");
        assertThat(mvc.perform(get("/family/follow-ups").session(pso)).andReturn().getResponse().getContentAsString())
                .doesNotContain((String) row.get("reference"));
        assertThat(caseStore.chronology(s.getId(), PSO, "test")).anySatisfy(e ->
                assertThat(e.getSummary()).startsWith("Follow-up of " + row.get("reference")));
    }

    @Test
    void aFollowUpLeftUndoneRemindsTheWriterThenShowsOnThePastoralLeadsList() throws Exception {
        Student s = year7(5);
        restricted(s);
        MockHttpSession pso = Web.signIn(mvc, "pso"), lead = Web.signIn(mvc, "lead");
        Map<String, String> form = contactForm(contactsOf(s).get(0).getId().toString());
        form.put("followUpOn", JustNow.today().plusDays(2).toString());
        assertThat(send(pso, "/students/" + s.getId() + "/contacts", form)).isEqualTo(302);
        Map<String, Object> row = jdbc.queryForMap("select id, reference, process_instance_id from contact_log where said = ?",
                form.get("said"));
        String reference = (String) row.get("reference"), instance = (String) row.get("process_instance_id");

        // a school day after its date: the writer is e-mailed, naming the contact's reference and never the child
        management.executeJob(management.createJobQuery().processInstanceId(instance).activityId("Timer_FollowUpOverdue")
                .singleResult().getId());
        Map<String, Object> mail = jdbc.queryForMap("select recipients, subject, body from notification where subject = ?",
                "A follow-up with home is overdue (" + reference + ")");
        assertThat((String) mail.get("body")).contains(reference, "/family/follow-ups").doesNotContain(s.getLegalSurname(),
                form.get("said"));
        assertThat(jdbc.queryForObject("select follow_up_reminded_at from contact_log where id = ?", java.sql.Timestamp.class,
                row.get("id"))).isNotNull();
        assertThat(page(lead, "/family/follow-ups")).doesNotContain(reference);

        // after a further wait it goes on the Pastoral Lead's list; the task stays the writer's, and others do not see the list
        management.executeJob(management.createJobQuery().processInstanceId(instance).activityId("Timer_FollowUpLate")
                .singleResult().getId());
        assertThat(page(lead, "/family/follow-ups")).contains("Overdue follow-ups of the team", reference);
        assertThat(page(Web.signIn(mvc, "hoy"), "/family/follow-ups")).doesNotContain(reference);
        Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(task.getAssignee()).isEqualTo("pso");

        // done: off both lists
        assertThat(send(pso, "/tasks/" + task.getId(), Map.of("doneOn", JustNow.date(), "note", "Called back at last"))).isEqualTo(302);
        assertThat(page(lead, "/family/follow-ups")).doesNotContain(reference);
        assertThat(page(pso, "/family/follow-ups")).doesNotContain(reference);
    }

    String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aFollowUpInThePastAndAMissingNameAreRefusedBesideTheirFields() throws Exception {
        Student s = year7(4);
        MockHttpSession pso = Web.signIn(mvc, "pso");
        Map<String, String> form = contactForm("other");
        form.put("followUpOn", JustNow.today().minusDays(1).toString());
        long logged = count("contact_log");
        MockHttpServletRequestBuilder request = post("/students/" + s.getId() + "/contacts").session(pso).with(csrf());
        form.forEach(request::param);
        String answer = mvc.perform(request).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("id=\"followUpOn-error\"", "Follow up by cannot be in the past.", "id=\"withWhom-error\"",
                form.get("said"));
        assertThat(count("contact_log")).isEqualTo(logged);
    }

    @Test
    void aHomeVisitIsPlannedAtTheAddressOnFileOfAContactLivingWithTheChildNeverAtAWithheldOne() throws Exception {
        Student withheld = year7(5);
        assertThat(importCsv(HEADER
                + withheld.getUpn() + ",Okafor,Grace,Mother,Y,1,Y,07700 900111,,12 Mill Lane,Exampleton,ZX1 1AB,DND\r\n"
                + withheld.getUpn() + ",Okafor,Ada,Aunt,N,2,N,07700 900113,,4 Oak Road,Exampleton,ZX1 4OR,\r\n").accepted()).isTrue();
        Student plain = year7(6);
        assertThat(importCsv(HEADER
                + plain.getUpn() + ",Bello,Sam,Father,Y,1,N,07700 900114,,1 Ash Close,Exampleton,ZX1 1AC,\r\n"
                + plain.getUpn() + ",Bello,Ife,Mother,Y,2,Y,07700 900115,,9 Elm Street,Exampleton,ZX1 9ES,\r\n").accepted()).isTrue();
        MockHttpSession pso = Web.signIn(mvc, "pso");
        // the mother's address may not be disclosed: the aunt's, whom the school may contact, fills the form in
        String first = mvc.perform(post("/home-visits").session(pso).with(csrf()).param("pick", withheld.getUpn()))
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("4 Oak Road").doesNotContain("12 Mill Lane");
        // the parent the child lives with comes before the first in priority
        String second = mvc.perform(post("/home-visits").session(pso).with(csrf()).param("pick", plain.getUpn()))
                .andReturn().getResponse().getContentAsString();
        assertThat(second).contains("9 Elm Street").doesNotContain("1 Ash Close");
    }
}
