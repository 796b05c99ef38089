package org.pastoralflow.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.mediation.Mediation;
import org.pastoralflow.mediation.MediationPartyRepository;
import org.pastoralflow.mediation.MediationRepository;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralRepository;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.student.UpnTestSupport;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Incidents on PostgreSQL through the pages: a fight between three students from logging to
 * closure with each student's chronology checked, a safeguarding incident's referrals and who may
 * read what, the Headteacher's approval against the 45-day limit, and bad input refused with
 * nothing written.
 */
@PostgresIntegrationTest
class InvestigationIntegrationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired MockMvc mvc;
    @Autowired StudentRepository students;
    @Autowired IncidentRepository incidents;
    @Autowired IncidentCheckRepository checks;
    @Autowired IncidentStudentRepository involved;
    @Autowired IncidentAttachmentRepository attachments;
    @Autowired ChronologyRepository chronology;
    @Autowired ReferralRepository referrals;
    @Autowired MediationRepository mediations;
    @Autowired MediationPartyRepository parties;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired org.pastoralflow.audit.AuditRepository audit;

    Student student(String upn) {
        return students.findByUpn(upn).orElseThrow();
    }

    MockHttpServletRequestBuilder logRequest(MockHttpSession session, String description, Map<String, String> rows) {
        return logRequest(session, description, rows, "fight", LocalDate.parse(JustNow.date()));
    }

    MockHttpServletRequestBuilder logRequest(MockHttpSession session, String description, Map<String, String> rows, String type,
                                             LocalDate on) {
        MockHttpServletRequestBuilder r = post("/investigations").session(session).with(csrf())
                .param("occurredOn", on.toString()).param("occurredTime", on.equals(LocalDate.now(LONDON)) ? JustNow.time() : "10:40")
                .param("location", "Playground by the science block").param("type", type)
                .param("description", description).param("staffInvolved", "Mr Ahmed (duty)");
        rows.forEach(r::param);
        return r;
    }

    Incident logged(String description) {
        return incidents.findAll().stream().filter(i -> i.getDescription().equals(description)).findFirst().orElseThrow();
    }

    Task task(Incident i, String key) {
        return tasks.createTaskQuery().processInstanceId(i.getProcessInstanceId()).taskDefinitionKey(key).list().get(0);
    }

    Task taskFor(Incident i, String key, Long studentId) {
        return tasks.createTaskQuery().processInstanceId(i.getProcessInstanceId()).taskDefinitionKey(key).list().stream()
                .filter(t -> studentId.equals(runtime.getVariable(t.getExecutionId(), InvestigationProcess.TASK_STUDENT_ID)))
                .findFirst().orElseThrow();
    }

    /** Completes an investigation task through its page, as multipart like the browser sends it. */
    String submit(MockHttpSession session, Task t, int expectedStatus, Consumer<MockMultipartHttpServletRequestBuilder> fill)
            throws Exception {
        MockMultipartHttpServletRequestBuilder r = multipart("/investigations/tasks/" + t.getId());
        fill.accept(r);
        return mvc.perform(r.session(session).with(csrf())).andExpect(status().is(expectedStatus)).andReturn().getResponse()
                .getContentAsString();
    }

    List<ChronologyEntry> entries(Student s, Incident i) {
        return chronology.findAll().stream().filter(e -> e.getStudentId().equals(s.getId()))
                .filter(e -> "incident".equals(e.getSourceType()) && i.getId().equals(e.getSourceId())).toList();
    }

    static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void aFightBetweenThreeStudentsIsInvestigatedToClosureAndEachFileHoldsOnlyItsOwnPart() throws Exception {
        Student target = student("Y873400126022"), perpetrator = student("M873400125022"), witness = student("B873400124022");
        String description = "Punched in the queue for lunch " + System.nanoTime();
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        mvc.perform(logRequest(teacher, description, Map.of("upn-0", target.getUpn(), "part-0", "target",
                        "upn-1", perpetrator.getUpn().toLowerCase(), "part-1", "alleged-perpetrator",
                        "upn-2", witness.getUpn(), "part-2", "witness")).param("reasonableForce", "true"))
                .andExpect(status().is3xxRedirection());
        Incident incident = logged(description);
        assertThat(incident.getReference()).matches("I\\d{2}-\\d{5}");

        // each student's file has the incident with their own part, and only theirs
        assertThat(entries(target, incident)).singleElement().satisfies(e -> {
            assertThat(e.getKind()).isEqualTo(EntryKind.INCIDENT);
            assertThat(e.getSummary()).contains("involved as target").doesNotContain("perpetrator").doesNotContain("witness");
        });
        assertThat(entries(perpetrator, incident)).singleElement().satisfies(e ->
                assertThat(e.getSummary()).contains("involved as alleged perpetrator"));
        assertThat(entries(witness, incident)).singleElement().satisfies(e ->
                assertThat(e.getSummary()).contains("involved as witness").doesNotContain("target"));

        // the teacher sees the reference and where it stands, nothing more
        String mine = mvc.perform(get("/investigations/mine").session(teacher)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mine).contains(incident.getReference(), "investigator is being assigned");
        mvc.perform(get("/investigations/" + incident.getReference()).session(teacher)).andExpect(status().isForbidden());

        MockHttpSession hoy = Web.signIn(mvc, "hoy");
        String now = LocalDateTime.now(LONDON).withSecond(0).withNano(0).toString();
        submit(hoy, task(incident, InvestigationProcess.TASK_USE_OF_FORCE), 302, r -> r.param("status", "recorded")
                .param("forceOn", perpetrator.getId().toString()).param("staffNames", "Mr Ahmed")
                .param("occurredAt", JustNow.dateTime()).param("place", "Playground")
                .param("leadUp", "Kept punching after being asked to stop").param("deEscalation", "Calm voice, space, asked to walk away")
                .param("forceType", "holding").param("forceDescription", "Held both arms from behind").param("durationMinutes", "1")
                .param("forceReason", "injury").param("injuries", "none").param("supportAfter", "Time in the LSC, debrief")
                .param("parentsToldAt", now).param("parentsToldBy", "Mr Ahmed spoke to dad").param("parentsToldHow", "phone")
                .param("parentsToldWhat", "What happened and why he was held"));
        assertThat(involved.findByIncidentIdAndStudentId(incident.getId(), perpetrator.getId()).orElseThrow().isForceUsedOn()).isTrue();

        submit(hoy, task(incident, InvestigationProcess.TASK_ASSIGN), 302, r -> r.param("investigator", "hoy"));
        String noStatement = "Absent all week with flu";
        submit(hoy, taskFor(incident, InvestigationProcess.TASK_STUDENT_STATEMENT, target.getId()), 302, r -> r.param("status", "done")
                .param("takenOn", LocalDate.now(LONDON).toString()).param("takenBy", "Mrs Hana (HoY)")
                .param("statement", "He pushed in and then hit me when I said something"));
        submit(hoy, taskFor(incident, InvestigationProcess.TASK_STUDENT_STATEMENT, perpetrator.getId()), 302, r -> {
            try {
                r.file(new MockMultipartFile("attachment", "statement-scan.png", "image/png", png()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            r.param("status", "done").param("takenOn", LocalDate.now(LONDON).toString()).param("takenBy", "Mrs Hana (HoY)");
        });
        submit(hoy, taskFor(incident, InvestigationProcess.TASK_STUDENT_STATEMENT, witness.getId()), 302,
                r -> r.param("status", "not-applicable").param("reason", noStatement));
        submit(hoy, task(incident, InvestigationProcess.TASK_STAFF_STATEMENTS), 302, r -> r.param("status", "done")
                .param("staff", "Mr Ahmed").param("statement", "I saw the punch and separated them"));
        submit(hoy, task(incident, InvestigationProcess.TASK_CCTV), 302, r -> r.param("status", "done")
                .param("found", "Camera 4 shows the punch at 10:40").param("saved", "yes"));
        submit(hoy, task(incident, InvestigationProcess.TASK_LSC), 302, r -> r.param("status", "done")
                .param("who", "Ms Lee").param("advice", "Known friction since September"));
        assertThat(attachments.infoOf(incident.getId())).singleElement().satisfies(a -> {
            assertThat(a.contentType()).isEqualTo("image/png");
            assertThat(a.fileName()).isEqualTo("statement-scan.png");
        });

        submit(hoy, task(incident, InvestigationProcess.TASK_OUTCOME), 302, r -> r.param("outcome", "upheld")
                .param("rationale", "Statements, staff and CCTV agree").param("sanction-" + perpetrator.getId(), "internal-exclusion")
                .param("mediation", "yes").param("targetSupport", "yes"));
        incident = incidents.findById(incident.getId()).orElseThrow();
        assertThat(incident.getMediationReference()).isNotNull();
        Mediation mediation = mediations.findByReference(incident.getMediationReference()).orElseThrow();
        assertThat(parties.findByMediationIdOrderByPosition(mediation.getId())).extracting(p -> p.getStudentId())
                .containsExactly(target.getId(), perpetrator.getId());
        Referral support = referrals.findByReference(involved.findByIncidentIdAndStudentId(incident.getId(), target.getId())
                .orElseThrow().getSupportReferralReference()).orElseThrow();
        assertThat(support.getRaisedFromType()).isEqualTo("incident");
        assertThat(support.getRaisedFromReference()).isEqualTo(incident.getReference());
        assertThat(support.getCategory()).isEqualTo("welfare");

        for (Student s : List.of(target, perpetrator, witness)) {
            submit(hoy, taskFor(incident, InvestigationProcess.TASK_PARENTS, s.getId()), 302, r -> r.param("contactWith", "Mum")
                    .param("method", "phone").param("contactedAt", now).param("said", "The outcome and what happens next"));
        }
        incident = incidents.findById(incident.getId()).orElseThrow();
        assertThat(incident.getClosedAt()).isNotNull();
        assertThat(checks.findByIncidentIdOrderByPosition(incident.getId())).noneMatch(IncidentCheck::isOpen);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId()).count()).isZero();

        // the chronologies at the end: each student's own statement, outcome, contact home and close
        assertThat(entries(target, incident)).extracting(ChronologyEntry::getSummary).anySatisfy(s -> assertThat(s).startsWith("Statement taken"))
                .anySatisfy(s -> assertThat(s).contains("Outcome of the investigation").contains("upheld"))
                .anySatisfy(s -> assertThat(s).startsWith("Parents contacted"))
                .anySatisfy(s -> assertThat(s).contains("closed"))
                .noneSatisfy(s -> assertThat(s).contains("Sanction"))
                .noneSatisfy(s -> assertThat(s).contains("force"));
        assertThat(entries(perpetrator, incident)).extracting(ChronologyEntry::getSummary)
                .anySatisfy(s -> assertThat(s).contains("Sanction after incident").contains("internal exclusion"))
                .anySatisfy(s -> assertThat(s).startsWith("Reasonable force used"))
                .anySatisfy(s -> assertThat(s).startsWith("Parents told of the use of force"));
        assertThat(entries(witness, incident)).extracting(ChronologyEntry::getSummary)
                .anySatisfy(s -> assertThat(s).startsWith("No statement taken"));
        assertThat(entries(witness, incident)).anySatisfy(e -> assertThat(e.getDetail()).contains(noStatement));
        assertThat(entries(target, incident)).allSatisfy(e -> assertThat(e.getConfidentiality()).isEqualTo(Confidentiality.PASTORAL));

        // the whole investigation as one checklist report
        byte[] pdf = mvc.perform(get("/investigations/" + incident.getReference() + "/report.pdf").session(hoy))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Investigation of incident " + incident.getReference())
                    .contains("Statement from the student").contains("Not applicable: " + noStatement)
                    .contains("Learning Support Centre consulted").contains("Hana Head-of-Year")
                    .contains("Internal exclusion").contains(target.displayName()).contains("Closed");
        }
        String page = mvc.perform(get("/investigations/" + incident.getReference()).session(hoy)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("statement-scan.png", support.getReference(), mediation.getReference());
    }

    @Test
    void harmfulSexualBehaviourIsTheDslsRecordWholeAndTheInvestigatorTheyNameIsSharedIt() throws Exception {
        Student target = student("Q873400123022"), perpetrator = student("E873400122022");
        String description = "Comments of a sexual nature and touching in the corridor " + System.nanoTime();
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        mvc.perform(logRequest(teacher, description, Map.of("upn-0", target.getUpn(), "part-0", "target",
                "upn-1", perpetrator.getUpn(), "part-1", "alleged-perpetrator"), "harmful-sexual-behaviour", LocalDate.now(LONDON)))
                .andExpect(status().is3xxRedirection());
        Incident incident = logged(description);
        assertThat(incident.detailConfidentiality()).isEqualTo(Confidentiality.SAFEGUARDING);

        for (Student s : List.of(target, perpetrator)) {
            IncidentStudent row = involved.findByIncidentIdAndStudentId(incident.getId(), s.getId()).orElseThrow();
            Referral r = referrals.findByReference(row.getDslReferralReference()).orElseThrow();
            assertThat(r.getStudentId()).isEqualTo(s.getId());
            assertThat(r.getRaisedFromReference()).isEqualTo(incident.getReference());
            assertThat(r.getRoute()).isEqualTo("dsl");
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(r.getReference()).taskDefinitionKey("Task_DslReview").count()).isOne();
            // the referral's page links back to the incident
            assertThat(mvc.perform(get("/referrals/" + r.getReference()).session(Web.signIn(mvc, "dsl"))).andReturn().getResponse()
                    .getContentAsString()).contains("/investigations/" + incident.getReference());
            // no pastoral entry says anything of it, not even that the student was involved
            assertThat(entries(s, incident)).isNotEmpty().allSatisfy(e ->
                    assertThat(e.getConfidentiality()).isEqualTo(Confidentiality.SAFEGUARDING));
            assertThat(entries(s, incident)).anySatisfy(e -> assertThat(e.getDetail()).contains(description));
        }
        assertThat(tasks.createTaskQuery().processInstanceId(incident.getProcessInstanceId())
                .taskDefinitionKey(InvestigationProcess.TASK_ASSIGN).taskCandidateGroup("dsl").count()).isOne();

        // to a Head of Year or PSO it does not exist: no page, not on the list, not on the students' pages
        MockHttpSession hoy = Web.signIn(mvc, "hoy"), pso = Web.signIn(mvc, "pso");
        for (MockHttpSession other : List.of(hoy, pso)) {
            mvc.perform(get("/investigations/" + incident.getReference()).session(other)).andExpect(status().isNotFound());
            mvc.perform(get("/investigations/" + incident.getReference() + "/report.pdf").session(other)).andExpect(status().isNotFound());
            assertThat(mvc.perform(get("/investigations").session(other)).andReturn().getResponse().getContentAsString())
                    .doesNotContain(incident.getReference());
            assertThat(mvc.perform(get("/students/" + target.getId()).session(other)).andReturn().getResponse().getContentAsString())
                    .doesNotContain(incident.getReference()).doesNotContain(perpetrator.displayName());
        }
        // the teacher who logged it is told only that the DSL has it
        String mine = mvc.perform(get("/investigations/mine").session(teacher)).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr>(?:(?!</tr>).)*" + incident.getReference() + "(?:(?!</tr>).)*</tr>",
                java.util.regex.Pattern.DOTALL).matcher(mine);
        assertThat(row.find()).as("the incident's row on My incidents").isTrue();
        assertThat(row.group()).contains("Received by the DSL").doesNotContain("Playground by the science block");
        String asDsl = mvc.perform(get("/investigations/" + incident.getReference()).session(Web.signIn(mvc, "dsl")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asDsl).contains(description);

        // the DSL names a Head of Year as investigator: they are shared the incident, by name, and it is audited
        MockHttpSession dsl = Web.signIn(mvc, "dsl");
        submit(dsl, task(incident, InvestigationProcess.TASK_ASSIGN), 302, r -> r.param("investigator", "hoy"));
        assertThat(tasks.createTaskQuery().processInstanceId(incident.getProcessInstanceId()).taskAssignee("hoy").count()).isEqualTo(5);
        assertThat(mvc.perform(get("/investigations/" + incident.getReference()).session(hoy)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(description);
        mvc.perform(get("/investigations/" + incident.getReference()).session(pso)).andExpect(status().isNotFound());
        assertThat(audit.findByRecordTypeAndRecordId("incident", incident.getId()))
                .anySatisfy(a -> assertThat(a.getAction() + " " + a.getDetail()).startsWith("SHARE Shared with hoy"));
        assertThat(asDslAgain(incident)).contains("Shared with named staff", "Named investigator of " + incident.getReference());
    }

    String asDslAgain(Incident incident) throws Exception {
        return mvc.perform(get("/investigations/" + incident.getReference()).session(Web.signIn(mvc, "dsl")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theHeadteacherReadsTheSencosAdviceBeforeDecidingTheSuspensionOfAPupilWithSen() throws Exception {
        Student pupil = students.findAll().stream().filter(s -> List.of("K", "E").contains(s.getSenStatus()))
                .sorted(java.util.Comparator.comparing(Student::getUpn).reversed()).findFirst().orElseThrow();
        String description = "Threw a chair in the canteen " + System.nanoTime();
        mvc.perform(logRequest(Web.signIn(mvc, "teacher"), description, Map.of("upn-0", pupil.getUpn(), "part-0", "alleged-perpetrator")))
                .andExpect(status().is3xxRedirection());
        Incident incident = logged(description);
        MockHttpSession pso = Web.signIn(mvc, "pso");
        submit(Web.signIn(mvc, "hoy"), task(incident, InvestigationProcess.TASK_ASSIGN), 302, r -> r.param("investigator", "pso"));
        for (Task t : tasks.createTaskQuery().processInstanceId(incident.getProcessInstanceId()).taskAssignee("pso").list()) {
            submit(pso, t, 302, r -> r.param("status", "not-applicable").param("reason", "Tested elsewhere"));
        }
        submit(pso, task(incident, InvestigationProcess.TASK_OUTCOME), 302, r -> r.param("outcome", "upheld")
                .param("rationale", "Seen by two staff").param("sanction-" + pupil.getId(), "suspension")
                .param("days-" + pupil.getId(), "2").param("mediation", "no"));

        // the Headteacher is asked only once the SENCO has advised
        assertThat(tasks.createTaskQuery().processInstanceId(incident.getProcessInstanceId())
                .taskDefinitionKey(InvestigationProcess.TASK_HEAD_APPROVAL).count()).isZero();
        String advice = "Lunchtimes overwhelm him; a suspension is unlikely to help " + System.nanoTime();
        mvc.perform(post("/tasks/" + task(incident, InvestigationProcess.TASK_CONSULT_SENCO).getId()).session(Web.signIn(mvc, "senco"))
                        .with(csrf()).param("advice", advice).param("adjustments", "A quiet room pass at lunch"))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/tasks/" + task(incident, InvestigationProcess.TASK_HEAD_APPROVAL).getId())
                .session(Web.signIn(mvc, "head"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h2>The SENCO's advice</h2>", advice, "A quiet room pass at lunch", pupil.displayName());
    }

    @Test
    void aSuspensionGoesToTheHeadteacherWhoSeesItAgainstTheYearlyLimit() throws Exception {
        Student a = student("M873400126023"), b = student("B873400125023");
        String description = "Fight at the gate after school " + System.nanoTime();
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        mvc.perform(logRequest(teacher, description, Map.of("upn-0", a.getUpn(), "part-0", "alleged-perpetrator",
                "upn-1", b.getUpn(), "part-1", "alleged-perpetrator"))).andExpect(status().is3xxRedirection());
        Incident incident = logged(description);
        MockHttpSession pso = Web.signIn(mvc, "pso");
        submit(Web.signIn(mvc, "hoy"), task(incident, InvestigationProcess.TASK_ASSIGN), 302, r -> r.param("investigator", "pso"));
        for (Task t : tasks.createTaskQuery().processInstanceId(incident.getProcessInstanceId()).taskAssignee("pso").list()) {
            submit(pso, t, 302, r -> r.param("status", "not-applicable").param("reason", "Tested elsewhere"));
        }
        String over = submit(pso, task(incident, InvestigationProcess.TASK_OUTCOME), 422, r -> r.param("outcome", "upheld")
                .param("rationale", "Both fought").param("sanction-" + a.getId(), "suspension").param("days-" + a.getId(), "46")
                .param("sanction-" + b.getId(), "detention").param("days-" + b.getId(), "2").param("mediation", "no"));
        assertThat(over).contains("over the limit of 45").contains("only a suspension has a number of school days");
        submit(pso, task(incident, InvestigationProcess.TASK_OUTCOME), 302, r -> r.param("outcome", "upheld")
                .param("rationale", "Both fought").param("sanction-" + a.getId(), "suspension").param("days-" + a.getId(), "3")
                .param("sanction-" + b.getId(), "detention").param("mediation", "no"));

        MockHttpSession head = Web.signIn(mvc, "head");
        Task approval = task(incident, InvestigationProcess.TASK_HEAD_APPROVAL);
        String page = mvc.perform(get("/tasks/" + approval.getId()).session(head)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(a.displayName()).contains("3 of 45 school days");
        submit(head, approval, 302, r -> r.param("decision", "approve"));
        assertThat(involved.findByIncidentIdAndStudentId(incident.getId(), a.getId()).orElseThrow().getSanctionStatus()).isEqualTo("approved");
        assertThat(involved.findByIncidentIdAndStudentId(incident.getId(), b.getId()).orElseThrow().getSanctionStatus()).isEqualTo("decided");
        assertThat(tasks.createTaskQuery().processInstanceId(incident.getProcessInstanceId())
                .taskDefinitionKey(InvestigationProcess.TASK_PARENTS).count()).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedFieldByFieldWithNothingWrittenAndWhatWasTypedKept() throws Exception {
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        long before = incidents.count();
        String typed = "Window smashed in the art room " + System.nanoTime();
        Student s = student("Q873400124023");

        String none = mvc.perform(logRequest(teacher, typed, Map.of())).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(none).contains("Add at least one student involved").contains(typed);

        String twice = mvc.perform(logRequest(teacher, typed, Map.of("upn-0", s.getUpn(), "part-0", "alleged-perpetrator",
                "upn-1", s.getUpn(), "part-1", "witness"))).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(twice).contains("Row 2: " + s.getUpn() + " is already listed in row 1").contains("id=\"upn-1-error\"");

        String unknownUpn = UpnTestSupport.valid("999999999999");
        String unknown = mvc.perform(logRequest(teacher, typed, Map.of("upn-0", unknownUpn, "part-0", "target")))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("Row 1: no student with UPN " + unknownUpn).contains(unknownUpn);

        String noPart = mvc.perform(logRequest(teacher, typed, Map.of("upn-0", s.getUpn()), "damage", LocalDate.of(2099, 1, 1)))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(noPart).contains("Row 1: choose the student").contains("cannot be in the future");
        assertThat(incidents.count()).isEqualTo(before);

        // an outcome while an item of the checklist (the use-of-force record) is still open
        String description = "Damage and a scuffle " + System.nanoTime();
        mvc.perform(logRequest(teacher, description, Map.of("upn-0", s.getUpn(), "part-0", "alleged-perpetrator"))
                .param("reasonableForce", "true")).andExpect(status().is3xxRedirection());
        Incident incident = logged(description);
        MockHttpSession hoy = Web.signIn(mvc, "hoy");
        submit(hoy, task(incident, InvestigationProcess.TASK_ASSIGN), 302, r -> r.param("investigator", "hoy"));

        // a text file dressed as a PDF
        String fake = submit(hoy, task(incident, InvestigationProcess.TASK_STUDENT_STATEMENT), 422, r -> r
                .file(new MockMultipartFile("attachment", "statement.pdf", "application/pdf", "not really a pdf".getBytes()))
                .param("status", "done").param("takenOn", LocalDate.now(LONDON).toString()).param("takenBy", "HoY"));
        assertThat(fake).contains("not a PDF, PNG or JPEG").contains("id=\"attachment-error\"");
        assertThat(attachments.infoOf(incident.getId())).isEmpty();
        String missing = submit(hoy, task(incident, InvestigationProcess.TASK_STUDENT_STATEMENT), 422,
                r -> r.param("status", "not-applicable"));
        assertThat(missing).contains("Say why this item does not apply");

        for (Task t : tasks.createTaskQuery().processInstanceId(incident.getProcessInstanceId()).taskAssignee("hoy").list()) {
            submit(hoy, t, 302, r -> r.param("status", "not-applicable").param("reason", "Seen by the HoY directly"));
        }
        long entriesBefore = chronology.count();
        String rationale = "Clear from what the HoY saw " + System.nanoTime();
        String refused = submit(hoy, task(incident, InvestigationProcess.TASK_OUTCOME), 422, r -> r.param("outcome", "upheld")
                .param("rationale", rationale).param("sanction-" + s.getId(), "detention").param("mediation", "no"));
        assertThat(refused).contains("id=\"checklist-error\"").contains("1 item of the checklist is still open")
                .contains("Use-of-force record").contains(rationale);
        assertThat(incidents.findById(incident.getId()).orElseThrow().getOutcome()).isNull();
        assertThat(involved.findByIncidentIdAndStudentId(incident.getId(), s.getId()).orElseThrow().getSanction()).isNull();
        assertThat(chronology.count()).isEqualTo(entriesBefore);
        assertThat(task(incident, InvestigationProcess.TASK_OUTCOME)).isNotNull();
    }
    @Test
    void eachFormsRulesBetweenItsFieldsRefuseBeforeAnythingIsWritten() throws Exception {
        Student s = student("Q873400124023");
        String description = "Pushed a teacher's trolley over " + System.nanoTime();
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        mvc.perform(logRequest(teacher, description, Map.of("upn-0", s.getUpn(), "part-0", "alleged-perpetrator"))
                .param("reasonableForce", "true")).andExpect(status().is3xxRedirection());
        Incident incident = logged(description);
        MockHttpSession hoy = Web.signIn(mvc, "hoy");
        long entriesBefore = chronology.count();

        // the use-of-force record: every part when force was used, parents told after it and on the day; a reason when it was not
        Task force = task(incident, InvestigationProcess.TASK_USE_OF_FORCE);
        String partial = submit(hoy, force, 422, r -> r.param("status", "recorded").param("forceOn", s.getId().toString())
                .param("occurredAt", "2026-01-12T10:40").param("parentsToldAt", "2026-01-11T16:00"));
        assertThat(partial).contains("Member(s) of staff who used force is required.").contains("What led up to it is required.")
                .contains("Parents cannot have been told before force was used.").contains("Parents were not told on the day: say why.")
                // parents can be told in writing as well, from a letter template for each student involved
                .contains("href=\"/students/" + s.getId() + "/letters/new\"", "use of reasonable force template");
        String noReason = submit(hoy, force, 422, r -> r.param("status", "not-used"));
        assertThat(noReason).contains("Say why the incident was logged with force used.");
        assertThat(chronology.count()).isEqualTo(entriesBefore);
        submit(hoy, force, 302, r -> r.param("status", "not-used").param("notUsedReason", "Logged in error: he was only guided"));

        submit(hoy, task(incident, InvestigationProcess.TASK_ASSIGN), 302, r -> r.param("investigator", "hoy"));
        // a statement done is typed or scanned
        String empty = submit(hoy, taskFor(incident, InvestigationProcess.TASK_STUDENT_STATEMENT, s.getId()), 422, r -> r
                .param("status", "done").param("takenOn", LocalDate.now(LONDON).toString()).param("takenBy", "HoY"));
        assertThat(empty).contains("in the student&#39;s own words is required.");
        for (Task t : tasks.createTaskQuery().processInstanceId(incident.getProcessInstanceId()).taskAssignee("hoy").list()) {
            if (!t.getTaskDefinitionKey().equals(InvestigationProcess.TASK_OUTCOME)) {
                submit(hoy, t, 302, r -> r.param("status", "not-applicable").param("reason", "Seen by the HoY directly"));
            }
        }

        // a sanction only when upheld; mediation only between two students who are not witnesses
        Task outcome = task(incident, InvestigationProcess.TASK_OUTCOME);
        String notUpheld = submit(hoy, outcome, 422, r -> r.param("outcome", "not-upheld").param("rationale", "Unclear")
                .param("sanction-" + s.getId(), "detention").param("mediation", "yes"));
        assertThat(notUpheld).contains(s.displayName() + ": a sanction needs the outcome to be upheld.")
                .contains("Mediation needs at least two students who are not witnesses.");
        assertThat(incidents.findById(incident.getId()).orElseThrow().getOutcome()).isNull();
        submit(hoy, outcome, 302, r -> r.param("outcome", "upheld").param("rationale", "He admits it")
                .param("sanction-" + s.getId(), "permanent-exclusion").param("mediation", "no"));

        // the Headteacher says why when not approving
        MockHttpSession head = Web.signIn(mvc, "head");
        String why = submit(head, task(incident, InvestigationProcess.TASK_HEAD_APPROVAL), 422, r -> r.param("decision", "not-approved"));
        assertThat(why).contains("Say why, so the investigator can record the outcome again.");
        submit(head, task(incident, InvestigationProcess.TASK_HEAD_APPROVAL), 302, r -> r.param("decision", "approve"));

        // contact with parents has happened
        String later = JustNow.at().plusDays(1).toString();
        String future = submit(hoy, taskFor(incident, InvestigationProcess.TASK_PARENTS, s.getId()), 422, r -> r
                .param("contactWith", "Dad").param("method", "phone").param("contactedAt", later).param("said", "The outcome"));
        assertThat(future).contains("When cannot be in the future.").contains("The parents or carers of " + s.displayName());
        // the outcome can also go home in writing, from a letter template for this student
        assertThat(future).contains("href=\"/students/" + s.getId() + "/letters/new\"");
        assertThat(checks.findByIncidentIdOrderByPosition(incident.getId())).anyMatch(IncidentCheck::isOpen);
    }
}
