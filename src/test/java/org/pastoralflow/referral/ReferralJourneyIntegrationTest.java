package org.pastoralflow.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditRepository;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.TestMail;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The journey a school tries first: a teacher raises a safeguarding concern through the pages,
 * the DSL finds it at the top of the inbox, decides with a rationale, and the decision lands in
 * the chronology that only the DSL group can read.
 */
@PostgresIntegrationTest
class ReferralJourneyIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired StudentRepository students;
    @Autowired ReferralRepository referrals;
    @Autowired ChronologyRepository chronology;
    @Autowired AuditRepository audit;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    Student student;

    @BeforeEach
    void pickStudent() throws Exception {
        student = students.findByUpn("U873400126000").orElseThrow();
        TestMail.reset();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    Referral raise(MockHttpSession session, String category, String description, boolean immediateRisk) throws Exception {
        var request = post("/referrals").session(session).with(csrf())
                .param("studentId", student.getId().toString()).param("category", category)
                .param("description", description).param("childWords", "He said it hurts when I sit down")
                .param("occurredAt", "2026-11-20T09:15").param("location", "Science corridor");
        if (immediateRisk) {
            request.param("immediateRisk", "true");
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
        return referrals.findByRaisedByOrderByRaisedAtDesc("teacher").stream()
                .filter(r -> r.getDescription().equals(description)).findFirst().orElseThrow();
    }

    Task reviewOf(Referral r) {
        return tasks.createTaskQuery().processInstanceBusinessKey(r.getReference()).taskDefinitionKey("Task_DslReview").singleResult();
    }

    @Test
    void aTeachersSafeguardingConcernReachesTheDslWhoDecidesAndTheTeacherSeesOnlyItsStatus() throws Exception {
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        Referral routine = raise(teacher, "safeguarding", "Unexplained bruising on the forearm " + System.nanoTime(), false);
        Referral urgent = raise(teacher, "welfare", "Says they are scared to go home tonight <script>alert(1)</script> " + System.nanoTime(), true);

        // the raiser gets a reference straight away
        String mine = mvc.perform(get("/referrals/mine").session(teacher)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(mine).contains(routine.getReference(), urgent.getReference(), "Being handled");

        // immediate risk: the DSLs are e-mailed at once, without the detail of the concern
        MimeMessage[] mails = TestMail.received();
        assertThat(mails).anySatisfy(m -> {
            assertThat(m.getSubject()).contains("URGENT").contains(urgent.getReference());
            assertThat(Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                    .contains("dsl@demo-school.example", "dsl2@demo-school.example");
            assertThat(m.getContent().toString()).doesNotContain("scared to go home");
        });

        // the DSL sees the urgent one above the routine one
        MockHttpSession dsl = Web.signIn(mvc, "dsl");
        String inbox = mvc.perform(get("/inbox").session(dsl)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inbox.indexOf(urgent.getReference())).isPositive().isLessThan(inbox.indexOf(routine.getReference()));
        assertThat(inbox).contains("Immediate risk");

        // the task page shows the concern, escaped
        Task review = reviewOf(urgent);
        String page = mvc.perform(get("/tasks/" + review.getId()).session(dsl)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("scared to go home tonight &lt;script&gt;").doesNotContain("<script>alert(1)")
                .contains("<h2>DSL review</h2>").doesNotContain("&lt;title&gt;");

        // a decision without a rationale is refused, keeps what was typed, and writes nothing
        long before = chronology.count();
        String refused = mvc.perform(post("/tasks/" + review.getId()).session(dsl).with(csrf()).param("decision", "monitor"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Rationale is required.").containsPattern("value=\"monitor\"\\s+checked");
        assertThat(chronology.count()).isEqualTo(before);
        assertThat(reviewOf(urgent)).isNotNull();

        // with a rationale it is recorded and the referral moves on
        mvc.perform(post("/tasks/" + review.getId()).session(dsl).with(csrf())
                        .param("decision", "monitor").param("rationale", "Spoke to the child; plan to monitor daily via tutor"))
                .andExpect(status().is3xxRedirection());
        ChronologyEntry decision = entriesAbout(urgent, EntryKind.DECISION).get(0);
        assertThat(decision.getConfidentiality()).isEqualTo(Confidentiality.SAFEGUARDING);
        assertThat(decision.getDetail()).isEqualTo("Spoke to the child; plan to monitor daily via tutor");
        assertThat(decision.getRecordedBy()).isEqualTo("dsl");
        assertThat(referrals.findById(urgent.getId()).orElseThrow().getStage()).isEqualTo(Stage.MONITORING);

        // the DSL reads it on the student page, and that view is audited
        long viewsBefore = audit.findByRecordTypeAndRecordId("chronology-entry", decision.getId()).size();
        String studentPage = mvc.perform(get("/students/" + student.getId()).session(dsl)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(studentPage).contains("plan to monitor daily via tutor");
        assertThat(audit.findByRecordTypeAndRecordId("chronology-entry", decision.getId())).hasSize((int) viewsBefore + 1)
                .allSatisfy(e -> assertThat(e.getActor()).isEqualTo("dsl"));

        // the teacher sees the status, never the decision
        String after = mvc.perform(get("/referrals/mine").session(teacher)).andReturn().getResponse().getContentAsString();
        assertThat(after).contains(urgent.getReference()).doesNotContain("monitor daily");
        mvc.perform(get("/students/" + student.getId()).session(teacher)).andExpect(status().isForbidden());
        mvc.perform(get("/referrals/" + urgent.getReference()).session(teacher)).andExpect(status().isNotFound());
    }

    @Test
    void aPsoCannotReachADslOnlyEntryByPageApiOrGuessingItsId() throws Exception {
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        Referral r = raise(teacher, "safeguarding", "Disclosure during PE " + System.nanoTime(), false);
        ChronologyEntry concern = entriesAbout(r, EntryKind.CONCERN).get(0);
        assertThat(concern.getConfidentiality()).isEqualTo(Confidentiality.SAFEGUARDING);

        MockHttpSession pso = Web.signIn(mvc, "pso");
        String page = mvc.perform(get("/students/" + student.getId()).session(pso)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("Disclosure during PE").doesNotContain(r.getReference());
        mvc.perform(get("/chronology/" + concern.getId()).session(pso)).andExpect(status().isNotFound());
        mvc.perform(get("/referrals/" + r.getReference()).session(pso)).andExpect(status().isNotFound());
        mvc.perform(get("/tasks/" + reviewOf(r).getId()).session(pso)).andExpect(status().isNotFound());
        mvc.perform(post("/tasks/" + reviewOf(r).getId() + "/claim").session(pso).with(csrf())).andExpect(status().isNotFound());
        String api = mvc.perform(get("/api/students/" + student.getUpn() + "/chronology")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("pso", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(api).doesNotContain("Disclosure during PE").doesNotContain("safeguarding");

        // and the DSL can
        MockHttpSession dsl = Web.signIn(mvc, "dsl");
        mvc.perform(get("/chronology/" + concern.getId()).session(dsl)).andExpect(status().isOk());
    }

    @Test
    void aReviewNobodyPicksUpIsEscalatedToTheOtherDslsAndTheHeadAtItsDeadline() throws Exception {
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        String seen = "Child seen with an older adult at the gate " + System.nanoTime();
        Referral r = raise(teacher, "safeguarding", seen, false);
        Task review = reviewOf(r);
        assertThat(review.getDueDate()).isNotNull();
        assertThat(review.getPriority()).isLessThan(ReferralService.ESCALATED_PRIORITY);
        Job timer = management.createJobQuery().processInstanceId(review.getProcessInstanceId())
                .activityId("Timer_DslReviewUntouched").singleResult();
        assertThat(timer.getDuedate()).isEqualTo(review.getDueDate());

        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plus(1, ChronoUnit.MINUTES)));
        management.executeJob(timer.getId());

        // the review stays with the DSLs, who alone can read it, and goes to the top of their inbox
        List<IdentityLink> links = tasks.getIdentityLinksForTask(review.getId());
        assertThat(links).extracting(IdentityLink::getGroupId).contains("dsl").doesNotContain("slt");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getPriority()).isEqualTo(ReferralService.ESCALATED_PRIORITY);
        assertThat(entriesAbout(r, EntryKind.ESCALATION)).hasSize(1);
        assertThat(entriesAbout(r, EntryKind.ESCALATION).get(0).getConfidentiality()).isEqualTo(Confidentiality.SAFEGUARDING);
        List<MimeMessage> toDsls = Arrays.stream(TestMail.received())
                .filter(m -> subject(m).contains("Overdue DSL review " + r.getReference())).toList();
        // GreenMail keeps a copy per mailbox: each copy is the one e-mail to the two DSLs and nobody else
        assertThat(toDsls).isNotEmpty().extracting(ReferralJourneyIntegrationTest::to)
                .allSatisfy(to -> assertThat(to).containsExactlyInAnyOrder("dsl@demo-school.example", "dsl2@demo-school.example"));
        // the Headteacher is told, without the reference of a record they cannot open
        List<MimeMessage> toHead = Arrays.stream(TestMail.received())
                .filter(m -> to(m).contains("head@demo-school.example") && subject(m).equals("A DSL review is overdue")).toList();
        assertThat(toHead).isNotEmpty();
        for (MimeMessage m : toHead) {
            assertThat(subject(m) + m.getContent()).doesNotContain(r.getReference()).doesNotContain(seen);
        }
        assertThat(toDsls).allSatisfy(m -> assertThat(m.getContent().toString()).doesNotContain(seen));

        ClockUtil.reset();
        MockHttpSession head = Web.signIn(mvc, "head");
        assertThat(mvc.perform(get("/inbox").session(head)).andReturn().getResponse().getContentAsString()).doesNotContain(r.getReference());
        mvc.perform(get("/tasks/" + review.getId()).session(head)).andExpect(status().isNotFound());
        MockHttpSession dsl = Web.signIn(mvc, "dsl2");
        String inbox = mvc.perform(get("/inbox").session(dsl)).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains(r.getReference());
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> to(MimeMessage m) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClaimedReviewIsNotEscalated() throws Exception {
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        Referral r = raise(teacher, "safeguarding", "Worrying drawing in art " + System.nanoTime(), false);
        Task review = reviewOf(r);
        MockHttpSession dsl = Web.signIn(mvc, "dsl");
        mvc.perform(post("/tasks/" + review.getId() + "/claim").session(dsl).with(csrf())).andExpect(status().is3xxRedirection());
        Job timer = management.createJobQuery().processInstanceId(review.getProcessInstanceId())
                .activityId("Timer_DslReviewUntouched").singleResult();
        management.executeJob(timer.getId());
        assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId).doesNotContain("slt");
        assertThat(entriesAbout(r, EntryKind.ESCALATION)).isEmpty();
    }

    @Test
    void feedbackFromSocialCareStaysWithTheDslWhenThePsoTakesOverTheSupport() throws Exception {
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        Referral r = raise(teacher, "safeguarding", "Talks of being left alone for days " + System.nanoTime(), false);
        MockHttpSession dsl = Web.signIn(mvc, "dsl");
        mvc.perform(post("/tasks/" + reviewOf(r).getId()).session(dsl).with(csrf())
                .param("decision", "social-care").param("rationale", "Meets the threshold for a referral to social care"))
                .andExpect(status().is3xxRedirection());
        Task record = task(r, "Task_RecordExternalReferral");
        mvc.perform(post("/tasks/" + record.getId()).session(dsl).with(csrf()).param("agency", "social-care")
                .param("referredOn", "2026-11-20").param("agencyReference", "MASH-4411").param("notes", "Spoke to the duty social worker"))
                .andExpect(status().is3xxRedirection());
        Task feedback = task(r, "Task_RecordAgencyFeedback");
        // handing the child to a PSO needs a handover note: all the PSO will read of what came before
        String refused = mvc.perform(post("/tasks/" + feedback.getId()).session(dsl).with(csrf()).param("decision", "support-in-school")
                .param("rationale", "Social care closed it with advice; pastoral support in school")
                .param("feedbackOn", "2026-11-20").param("feedback", "Assessment found mother in hospital; family support arranged"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"handover-error\"");
        String handover = "Quiet and tired; weekly check-ins, and tell the DSL of any absence " + System.nanoTime();
        mvc.perform(post("/tasks/" + feedback.getId()).session(dsl).with(csrf()).param("decision", "support-in-school")
                .param("rationale", "Social care closed it with advice; pastoral support in school")
                // the date as a school writes it, day first
                .param("feedbackOn", "20/11/2026").param("feedback", "Assessment found mother in hospital; family support arranged")
                .param("handover", handover))
                .andExpect(status().is3xxRedirection());

        assertThat(referrals.findById(r.getId()).orElseThrow().getRoute()).isEqualTo("pso");
        ChronologyEntry said = entriesAbout(r, EntryKind.AGENCY_FEEDBACK).get(0);
        assertThat(said.getDetail()).contains("mother in hospital");
        assertThat(said.getOccurredAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 11, 20));
        assertThat(said.getConfidentiality()).isEqualTo(Confidentiality.SAFEGUARDING);
        MockHttpSession pso = Web.signIn(mvc, "pso");
        String psoView = mvc.perform(get("/students/" + student.getId()).session(pso))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(psoView).doesNotContain("mother in hospital").contains(handover);
        // the PSO who writes the plan reads the handover, not the concern, the decision, the agency or its reference
        String referralPage = mvc.perform(get("/referrals/" + r.getReference()).session(pso))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String planForm = mvc.perform(get("/tasks/" + task(r, "Task_WriteSupportPlan").getId()).session(pso))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String page : List.of(referralPage, planForm)) {
            assertThat(page).contains(handover).doesNotContain("mother in hospital", "MASH-4411", "Talks of being left alone",
                    "He said it hurts", "Meets the threshold", "Science corridor");
        }
    }

    Task task(Referral r, String activityId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(r.getReference()).taskDefinitionKey(activityId).singleResult();
    }

    List<ChronologyEntry> entriesAbout(Referral r, EntryKind kind) {
        return chronology.findAll().stream()
                .filter(e -> "referral".equals(e.getSourceType()) && r.getId().equals(e.getSourceId()) && e.getKind() == kind)
                .toList();
    }

}
