package org.pastoralflow.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditRepository;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.notification.NotificationRepository;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Leavers on PostgreSQL through the pages: recorded by the office, the DSL's transfer of the child
 * protection file with its encrypted export (audited), the receiving school's confirmation and both
 * escalations by their timers; only the DSL group sees any of it; bad input refused with nothing written.
 */
@PostgresIntegrationTest
class LeaverIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired StudentRepository students;
    @Autowired LeaverRepository leavers;
    @Autowired CaseStore caseStore;
    @Autowired ChronologyRepository chronology;
    @Autowired NotificationRepository notifications;
    @Autowired AuditRepository audit;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    Student withCpFile(String upn, String what) {
        Student s = students.findByUpn(upn).orElseThrow();
        caseStore.record(NewEntry.now(s.getId(), EntryKind.CONCERN, Confidentiality.SAFEGUARDING, "dsl", "Disclosure: " + what,
                "The child said so to their tutor.", null, null));
        caseStore.record(NewEntry.now(s.getId(), EntryKind.EXTERNAL_REFERRAL, Confidentiality.SAFEGUARDING, "dsl",
                "Referred to children's social care", null, null, null));
        caseStore.record(NewEntry.now(s.getId(), EntryKind.NOTE, Confidentiality.PASTORAL, "pso", "Lost PE kit again", null, null, null));
        return s;
    }

    Leaver leaverOf(Student s) {
        return leavers.findByStudentIdOrderByRecordedAtDesc(s.getId()).get(0);
    }

    Task task(Leaver l, String key) {
        return tasks.createTaskQuery().processInstanceId(l.getProcessInstanceId()).taskDefinitionKey(key).singleResult();
    }

    void fire(Leaver l, String timer) {
        management.executeJob(management.createJobQuery().processInstanceId(l.getProcessInstanceId()).activityId(timer)
                .singleResult().getId());
    }

    @Test
    void theDslTransfersTheCpFileSeparatelyWithAnEncryptedExportAndRecordsItsReceipt() throws Exception {
        Student s = withCpFile("M873400124021", "bruise on the arm " + System.nanoTime());
        MockHttpSession admin = Web.signIn(mvc, "admin"), dsl = Web.signIn(mvc, "dsl"), pso = Web.signIn(mvc, "pso");
        LocalDate leaving = LocalDate.now().minusDays(1);
        String flash = mvc.perform(post("/leavers").session(admin).with(csrf()).param("upn", s.getUpn().toLowerCase())
                        .param("leavingOn", leaving.toString()).param("reason", Leaver.IN_YEAR)
                        .param("destinationName", "Riverside Academy").param("destinationUrn", "137001"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("message").toString();
        assertThat(flash).contains(s.displayName(), "recorded as leaving").doesNotContain("child protection file exists");
        Leaver l = leaverOf(s);
        assertThat(l.getHasCpFile()).isTrue();
        assertThat(l.getTransferDueOn()).isAfter(LocalDate.now());
        Task transfer = task(l, LeaverProcess.TASK_TRANSFER);
        assertThat(transfer).isNotNull();
        assertThat(tasks.getIdentityLinksForTask(transfer.getId())).extracting(x -> x.getGroupId()).containsExactly("dsl");

        // nobody but the DSL group sees it
        mvc.perform(get("/leavers").session(admin)).andExpect(status().isForbidden());
        mvc.perform(get("/leavers/" + l.getReference()).session(pso)).andExpect(status().isForbidden());
        mvc.perform(post("/leavers/" + l.getReference() + "/cp-file.pdf").session(pso).with(csrf())
                .param("password", "a-long-password-1").param("passwordAgain", "a-long-password-1")).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/leavers").session(dsl)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains(s.displayName());
        assertThat(mvc.perform(get("/tasks/" + transfer.getId()).session(dsl)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Transfer the child protection file", "Riverside Academy");

        // the export: a password too short is refused; the file opens only with the password and holds only safeguarding entries
        String refused = mvc.perform(post("/leavers/" + l.getReference() + "/cp-file.pdf").session(dsl).with(csrf())
                        .param("password", "short").param("passwordAgain", "short"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("at least 12 characters");
        String password = "correct horse battery";
        byte[] pdf = mvc.perform(post("/leavers/" + l.getReference() + "/cp-file.pdf").session(dsl).with(csrf())
                        .param("password", password).param("passwordAgain", password))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThatThrownBy(() -> Loader.loadPDF(pdf)).isInstanceOf(InvalidPasswordException.class);
        try (PDDocument doc = Loader.loadPDF(pdf, password)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Child protection file", s.getUpn(), "Disclosure: bruise on the arm", "Referred to children's social care")
                    .doesNotContain("Lost PE kit");
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(leavers.findById(l.getId()).orElseThrow().getExportSha256()).isEqualTo(sha);
        assertThat(audit.findAll()).anyMatch(a -> "EXPORT".equals(a.getAction()) && "cp-file".equals(a.getRecordType())
                && l.getId().equals(a.getRecordId()) && a.getDetail().contains(sha));

        // sent, then no confirmation in time (escalated), then confirmed
        mvc.perform(post("/tasks/" + transfer.getId()).session(dsl).with(csrf()).param("outcome", "sent"))
                .andExpect(status().is(422));
        mvc.perform(post("/tasks/" + transfer.getId()).session(dsl).with(csrf()).param("outcome", "sent")
                        .param("sentTo", "Riverside Academy").param("destinationUrn", "137001").param("sentOn", LocalDate.now().toString())
                        .param("how", "encrypted-email").param("separately", "yes"))
                .andExpect(status().is3xxRedirection());
        assertThat(chronology.findByStudentIdAndConfidentialityInOrderByOccurredAtDescIdDesc(s.getId(), List.of(Confidentiality.SAFEGUARDING)))
                .anyMatch(e -> e.getSummary().startsWith("Child protection file sent to Riverside Academy"));
        fire(l, "Timer_ReceiptOverdue");
        assertThat(notifications.findAll()).anyMatch(n -> n.getSubject().equals("No confirmation of receipt for " + l.getReference()));
        Task receipt = task(l, LeaverProcess.TASK_RECEIPT);
        assertThat(mvc.perform(post("/tasks/" + receipt.getId()).session(dsl).with(csrf())
                        .param("confirmedOn", LocalDate.now().minusDays(1).toString()).param("confirmedBy", "Ms Jones, DSL at Riverside"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString())
                .contains("Receipt cannot be confirmed before the file was sent (" + LocalDate.now() + ").");
        mvc.perform(post("/tasks/" + receipt.getId()).session(dsl).with(csrf()).param("confirmedOn", LocalDate.now().toString())
                .param("confirmedBy", "Ms Jones, DSL at Riverside")).andExpect(status().is3xxRedirection());
        Leaver done = leavers.findById(l.getId()).orElseThrow();
        assertThat(done.getReceiptFrom()).isEqualTo("Ms Jones, DSL at Riverside");
        assertThat(done.getClosedAt()).isNotNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(l.getProcessInstanceId()).count()).isZero();
    }

    @Test
    void aFileNotTransferredInTimeIsEscalatedAndWithNoReceivingSchoolTheLocalAuthorityIsTold() throws Exception {
        Student s = withCpFile("Y873400124020", "neglect " + System.nanoTime());
        MockHttpSession hoy = Web.signIn(mvc, "hoy"), dsl = Web.signIn(mvc, "dsl");
        mvc.perform(post("/leavers").session(hoy).with(csrf()).param("upn", s.getUpn()).param("leavingOn", LocalDate.now().toString())
                .param("reason", "other")).andExpect(status().is3xxRedirection());
        Leaver l = leaverOf(s);
        fire(l, "Timer_TransferOverdue");
        assertThat(notifications.findAll()).anyMatch(n -> n.getSubject().equals("CP file transfer overdue for " + l.getReference()));
        Task transfer = task(l, LeaverProcess.TASK_TRANSFER);
        assertThat(mvc.perform(post("/tasks/" + transfer.getId()).session(dsl).with(csrf()).param("outcome", "sent")
                        .param("sentTo", "Hilltop School").param("sentOn", LocalDate.now().minusDays(1).toString())
                        .param("how", "by-hand").param("separately", "yes"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString())
                .contains("The file goes once the student has left");
        mvc.perform(post("/tasks/" + transfer.getId()).session(dsl).with(csrf()).param("outcome", "none")
                .param("notes", "Elective home education: told the LA's EHE officer, file kept here.")).andExpect(status().is3xxRedirection());
        Leaver done = leavers.findById(l.getId()).orElseThrow();
        assertThat(done.getNoDestinationNotes()).contains("EHE officer");
        assertThat(done.getClosedAt()).isNotNull();
        assertThat(task(l, LeaverProcess.TASK_RECEIPT)).isNull();
    }

    @Test
    void theKcsieDeadlineCountsFromTheLeavingDateSoAMoveRecordedLateIsOverdueAtOnce() throws Exception {
        Student s = withCpFile("L873400123000", "recorded late " + System.nanoTime());
        LocalDate left = LocalDate.now().minusDays(60);
        mvc.perform(post("/leavers").session(Web.signIn(mvc, "hoy")).with(csrf()).param("upn", s.getUpn())
                .param("leavingOn", left.toString()).param("reason", Leaver.IN_YEAR)).andExpect(status().is3xxRedirection());
        Leaver l = leaverOf(s);
        // 5 school days after the leaving date, not after the day it was recorded
        assertThat(l.getTransferDueOn()).isAfter(left).isBefore(LocalDate.now());
        Task transfer = task(l, LeaverProcess.TASK_TRANSFER);
        assertThat(transfer.getDueDate()).isBefore(new java.util.Date());
        String inbox = mvc.perform(get("/inbox").session(Web.signIn(mvc, "dsl"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String row = inbox.substring(inbox.indexOf("/tasks/" + transfer.getId()));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains(l.getReference(), "Overdue");
    }

    @Test
    void aLeaverWithoutAChildProtectionFileGivesTheDslNothingToDo() throws Exception {
        Student s = students.findByUpn("M873400124019").orElseThrow();
        assertThat(caseStore.countEntries(s.getId(), Confidentiality.SAFEGUARDING)).isZero();
        mvc.perform(post("/leavers").session(Web.signIn(mvc, "lead")).with(csrf()).param("upn", s.getUpn())
                .param("leavingOn", LocalDate.now().plusDays(10).toString()).param("reason", Leaver.IN_YEAR)).andExpect(status().is3xxRedirection());
        Leaver l = leaverOf(s);
        assertThat(l.getHasCpFile()).isFalse();
        assertThat(l.getClosedAt()).isNotNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(l.getProcessInstanceId()).count()).isZero();
    }

    @Test
    void theEndOfYear11RecordsEveryYear11StudentOnceAndTheDslGetsTheFilesToTransfer() throws Exception {
        Student withFile = withCpFile("A873400122000", "domestic abuse at home " + System.nanoTime());
        Student without = students.findByUpn("R873400122039").orElseThrow();
        assertThat(caseStore.countEntries(without.getId(), Confidentiality.SAFEGUARDING)).isZero();
        MockHttpSession lead = Web.signIn(mvc, "lead");
        LocalDate lastDay = LocalDate.now().plusMonths(7);
        long year11 = students.findByYearGroupOrderByLegalSurnameAscLegalForenameAsc(11).size();
        String flash = mvc.perform(post("/leavers/year11").session(lead).with(csrf()).param("leavingOn", lastDay.toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("message").toString();
        long recorded = Long.parseLong(flash.substring(0, flash.indexOf(' ')));
        assertThat(recorded).isPositive().isLessThanOrEqualTo(year11);
        Leaver l = leaverOf(withFile);
        assertThat(l.isEndOfYear11()).isTrue();
        assertThat(l.getHasCpFile()).isTrue();
        assertThat(l.getTransferDueOn()).isAfter(lastDay);
        assertThat(task(l, LeaverProcess.TASK_TRANSFER)).isNotNull();
        Leaver none = leaverOf(without);
        assertThat(none.getHasCpFile()).isFalse();
        assertThat(none.getClosedAt()).isNotNull();
        // a second time, nobody is recorded twice
        String again = mvc.perform(post("/leavers/year11").session(lead).with(csrf()).param("leavingOn", lastDay.toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("message").toString();
        assertThat(again).startsWith("0 Year 11 students");
        assertThat(leavers.findByStudentIdOrderByRecordedAtDesc(withFile.getId())).hasSize(1);
    }

    @Test
    void badInputIsRefusedBesideItsFieldAndNothingIsRecorded() throws Exception {
        MockHttpSession admin = Web.signIn(mvc, "admin");
        long before = leavers.count();
        String page = mvc.perform(post("/leavers").session(admin).with(csrf()).param("upn", "Z873400124018")
                        .param("leavingOn", "next week").param("reason", "bored").param("destinationUrn", "12"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"upn-error\"", "check letter", "id=\"leavingOn-error\"", "id=\"reason-error\"",
                "id=\"destinationUrn-error\"", "A URN is 6 digits");
        Student year9 = students.findByUpn("U873400124025").orElseThrow();
        String notYear11 = mvc.perform(post("/leavers").session(admin).with(csrf()).param("upn", year9.getUpn())
                        .param("leavingOn", LocalDate.now().toString()).param("reason", Leaver.END_OF_YEAR_11))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(notYear11).contains("is in Year 9, not Year 11");
        String year11 = mvc.perform(post("/leavers/year11").session(admin).with(csrf()).param("leavingOn", "2019-07-20"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(year11).contains("id=\"year11-leavingOn-error\"");
        assertThat(leavers.count()).isEqualTo(before);
    }
}
