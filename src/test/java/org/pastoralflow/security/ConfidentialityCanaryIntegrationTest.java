package org.pastoralflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.investigation.Incident;
import org.pastoralflow.investigation.IncidentRepository;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralRepository;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.supportplan.SupportPlanRepository;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.TestMail;
import org.pastoralflow.support.Web;
import org.pastoralflow.transition.Leaver;
import org.pastoralflow.transition.LeaverRepository;
import org.pastoralflow.transition.Transition;
import org.pastoralflow.transition.TransitionRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The canary: records a DSL keeps to the DSL group are seeded through the application's own pages,
 * each holding a unique marker (a safeguarding concern handed on to a PSO, the social-care referral
 * and the agency's feedback, a harmful sexual behaviour incident, a transition's child protection
 * file, a leaver's file transfer). Then every other role visits every route the route matrix knows,
 * with the real ids of those records, downloads every export, reads every dashboard and every
 * e-mail: no marker appears, nor the reference of a record that is the DSL's alone. The child handed on
 * is also put on report, so the report card's pages (which every teacher sees in part) are visited too.
 *
 * <p>The scanner proves it can fail: the DSL's own views, a deliberately leaking e-mail, and each
 * format (page, CSV, PDF, ZIP, JSON) are checked to be caught.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfidentialityCanaryIntegrationTest {

    static final String RUN = Long.toString(System.nanoTime(), 36).toUpperCase();
    static final String CONCERN = "CANARYCONCERN" + RUN;
    static final String WORDS = "CANARYWORDS" + RUN;
    static final String RATIONALE = "CANARYRATIONALE" + RUN;
    static final String MASH = "CANARYMASH" + RUN;
    static final String FEEDBACK = "CANARYFEEDBACK" + RUN;
    static final String HSB = "CANARYHSB" + RUN;
    static final String PLACE = "CANARYPLACE" + RUN;
    static final String CP_REVIEW = "CANARYCPREVIEW" + RUN;
    static final String LEAVER_CONCERN = "CANARYLEAVER" + RUN;
    static final String SAR_NOTE = "CANARYWITHHELD" + RUN;
    static final String SUSPENSION = "CANARYSUSPENSION" + RUN;
    /** A contact with home the DSL logged at safeguarding level, with a follow-up (the DSL's own task). */
    static final String CONTACT_LOG = "CANARYCONTACTHOME" + RUN;
    /** A pastoral behaviour log's note: caseworkers of Year 8 read it; the canary's other viewers must not. */
    static final String BEHAVIOUR_NOTE = "CANARYBEHAVIOUR" + RUN;
    /** A safeguarding home visit a DSL planned: its address and purpose. */
    static final String HOME_VISIT = "CANARYHOMEVISIT" + RUN;
    /** A child protection core group's purpose, minutes and actions (a school action and another agency's). */
    static final String CORE_GROUP = "CANARYCOREGROUP" + RUN;
    static final String CP_MINUTES = "CANARYCPMINUTES" + RUN;
    static final String CP_ACTION = "CANARYCPACTION" + RUN;
    static final String CP_AGENCY_ACTION = "CANARYCPAGENCY" + RUN;
    /** Why the core group's next meeting moved: on its record, never in the e-mails telling the invitees. */
    static final String CP_MOVED = "CANARYCPMOVED" + RUN;
    static final List<String> MARKERS = List.of(CONCERN, WORDS, RATIONALE, MASH, FEEDBACK, HSB, PLACE, CP_REVIEW, LEAVER_CONCERN, SAR_NOTE,
            SUSPENSION, CONTACT_LOG, HOME_VISIT,
            CORE_GROUP, CP_MINUTES, CP_ACTION, CP_AGENCY_ACTION, CP_MOVED);
    /** A removal from a lesson: pastoral, so read by caseworkers of the student's year groups and nobody else. */
    static final String REMOVAL = "CANARYREMOVAL" + RUN;
    /** What helps a pupil at SEN support, in their one-page profile: send, read by the SENCO, DSL, Heads of Year and Pastoral Lead. */
    static final String SEN_PROFILE = "CANARYSENPROFILE" + RUN;
    /** Who may not read a pastoral record about a Year 10 student: no caseworker group, Year 9 only, the administrator. */
    static final List<String> NOT_PASTORAL_FOR_YEAR_10 = List.of("teacher", "pso9", "admin");

    /** What the PSO who takes the child on is meant to read: proof that their pages were really reached. */
    static final String HANDOVER = "Weekly check-ins with her form tutor; she trusts Mrs Patel " + RUN;

    static final List<String> OTHER_ROLES = List.of("teacher", "pso", "pso9", "hoy", "senco", "lead", "head", "admin");

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired StudentRepository students;
    @Autowired ReferralRepository referrals;
    @Autowired IncidentRepository incidents;
    @Autowired TransitionRepository transitions;
    @Autowired LeaverRepository leavers;
    @Autowired ChronologyRepository chronology;
    @Autowired SupportPlanRepository plans;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired org.pastoralflow.subjectaccess.SubjectAccessRequestRepository subjectAccessRequests;
    @Autowired org.pastoralflow.suspension.Suspensions suspensions;

    @Autowired org.pastoralflow.reportcard.ReportCardRepository reportCards;
    @Autowired org.pastoralflow.agencymeeting.MeetingSeriesRepository agencyMeetings;
    @Autowired org.pastoralflow.agencymeeting.AgencyMeetings agencyMeetingReads;
    @Autowired org.pastoralflow.workflow.TermDates termDates;
    @Autowired org.pastoralflow.reporting.Dashboards dashboards;

    Student handedOn;
    Student target;
    Student alleged;
    Student leaving;
    Referral concern;
    Incident incident;
    Transition cpTransition;
    Student removed;
    Leaver leaver;
    org.pastoralflow.subjectaccess.SubjectAccessRequest sar;
    org.pastoralflow.suspension.Suspension suspension;
    org.pastoralflow.reportcard.ReportCard reportCard;
    String behaviourBatch;
    String contactLogProcess;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    org.pastoralflow.agencymeeting.MeetingSeries coreGroup;
    List<String> coreGroupProcesses = new ArrayList<>();
    /** References of records that are the DSL's alone: nobody else may learn they exist. */
    final Set<String> dslOnlyReferences = new LinkedHashSet<>();

    @Autowired org.pastoralflow.workflow.upload.ModelUploads modelUploads;
    @Autowired org.pastoralflow.workflow.models.ModelDeployments modelDeployments;
    /** The name the school's uploaded referral model gives the PSO's triage, so the canary runs on a model deployed from the app. */
    static final String UPLOADED_TRIAGE = "Triage by a PSO (school's model " + RUN + ")";

    @BeforeAll
    void seed() throws Exception {
        TestMail.reset();
        // 0. the school's own referral model, uploaded through the application: every record below runs on it
        byte[] changed = java.nio.file.Files.readString(java.nio.file.Path.of("processes/referral.bpmn"))
                .replace("name=\"PSO triage\"", "name=\"" + UPLOADED_TRIAGE + "\"").getBytes(StandardCharsets.UTF_8);
        modelUploads.deploy(changed, "The canary runs on a model uploaded by the school", "admin");
        List<Student> year10 = students.findAll().stream().filter(s -> s.getYearGroup() == 10).limit(4).toList();
        handedOn = year10.get(0);
        leaving = year10.get(1);
        List<Student> year8 = students.findAll().stream().filter(s -> s.getYearGroup() == 8).limit(2).toList();
        target = year8.get(0);
        alleged = year8.get(1);
        MockHttpSession teacher = Web.signIn(mvc, "teacher"), dsl = Web.signIn(mvc, "dsl"), hoy = Web.signIn(mvc, "hoy");

        // 1. a safeguarding concern; the DSL refers it to social care, hears back, hands the child to a PSO for support
        concern = raise(teacher, handedOn, CONCERN);
        complete(dsl, concern, "Task_DslReview", "decision", "social-care", "rationale", RATIONALE);
        complete(dsl, concern, "Task_RecordExternalReferral", "agency", "social-care", "referredOn", LocalDate.now().toString(),
                "agencyReference", MASH, "notes", "Spoke to the duty social worker");
        complete(dsl, concern, "Task_RecordAgencyFeedback", "decision", "support-in-school", "rationale", "Closed by social care",
                "feedbackOn", LocalDate.now().toString(), "feedback", FEEDBACK, "handover", HANDOVER);
        assertThat(task(concern.getProcessInstanceId(), "Task_WriteSupportPlan")).as("the PSO's support plan task").isNotNull();
        assertThat(jdbc.queryForObject("select d.version_ from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
                + "where e.id_ = ?", Integer.class, concern.getProcessInstanceId())).as("the concern runs on the uploaded model")
                .isEqualTo(jdbc.queryForObject("select max(version_) from act_re_procdef where key_ = 'referral'", Integer.class));

        // 2. harmful sexual behaviour between two Year 8 students, logged by a teacher; it goes to the DSL
        mvc.perform(post("/investigations").session(teacher).with(csrf())
                        .param("occurredOn", LocalDate.now().minusDays(1).toString()).param("occurredTime", "10:40")
                        .param("location", PLACE).param("type", "harmful-sexual-behaviour").param("description", HSB)
                        .param("upn-0", target.getUpn()).param("part-0", "target")
                        .param("upn-1", alleged.getUpn()).param("part-1", "alleged-perpetrator"))
                .andExpect(status().is3xxRedirection());
        incident = incidents.findAll().stream().filter(i -> HSB.equals(i.getDescription())).findFirst().orElseThrow();
        dslOnlyReferences.add(incident.getReference());
        referrals.findAll().stream().filter(r -> incident.getReference().equals(r.getRaisedFromReference()))
                .forEach(r -> dslOnlyReferences.add(r.getReference()));

        // 2b. the alleged perpetrator suspended after it: the suspension is as confidential as the incident,
        //     its parent notice task open (offered to PSOs and Heads of Year) and its letter printable
        suspension = suspensions.startFromIncident(incident.getId(), incident.getReference(), Confidentiality.SAFEGUARDING,
                alleged.getId(), 2, SUSPENSION, "head");
        dslOnlyReferences.add(suspension.getReference());

        // 3. an incoming child with a child protection plan: the DSL receives and reviews the primary's CP file
        cpTransition = transitions.findAll().stream().filter(t -> t.isCpPlan() && t.getProcessInstanceId() != null)
                .filter(t -> task(t.getProcessInstanceId(), "Task_ReviewCpFile") != null).findFirst().orElseThrow();
        submit(dsl, "/tasks/" + task(cpTransition.getProcessInstanceId(), "Task_ReviewCpFile").getId(), "outcome", "received",
                "receivedOn", LocalDate.now().toString(), "from", "The primary's DSL", "how", "secure-electronic",
                "receiptConfirmed", "yes", "reviewedOn", LocalDate.now().toString(), "review", CP_REVIEW);

        // 4. a student with a safeguarding record leaves; the transfer of their CP file is overdue and escalated
        Referral before = raise(teacher, leaving, LEAVER_CONCERN);
        dslOnlyReferences.add(before.getReference());
        submit(hoy, "/leavers", "upn", leaving.getUpn(), "leavingOn", LocalDate.now().minusDays(10).toString(), "reason", "other");
        leaver = leavers.findByStudentIdOrderByRecordedAtDesc(leaving.getId()).get(0);
        dslOnlyReferences.add(leaver.getReference());
        Job overdue = management.createJobQuery().processInstanceId(leaver.getProcessInstanceId()).activityId("Timer_TransferOverdue")
                .singleResult();
        assertThat(overdue).as("the leaver's transfer deadline").isNotNull();
        management.executeJob(overdue.getId());

        // 5. a Year 10 student removed from a lesson to the reflection room, recorded by the Pastoral Lead
        removed = year10.get(2);
        java.time.LocalDateTime at = org.pastoralflow.support.JustNow.at().minusHours(1);
        submit(Web.signIn(mvc, "lead"), "/removals", "upn", removed.getUpn(), "day", at.toLocalDate().toString(),
                "time", at.toLocalTime().toString(), "lesson", "Science " + REMOVAL, "reason", "Unsafe behaviour",
                "note", REMOVAL, "destination", "Reflection room",
                "returnTime", at.toLocalTime().isBefore(java.time.LocalTime.of(23, 0)) ? at.toLocalTime().plusMinutes(50).toString() : "23:59");

        // 6. a subject access request for the handed-on child: the DSL withholds the concern, with a reason only the DSL reads
        String requester = "A parent " + RUN;
        submit(dsl, "/subject-access", "upn", handedOn.getUpn(), "requesterName", requester, "relationship", "parent-carer",
                "identityCheck", "photo-id", "receivedOn", LocalDate.now().minusDays(3).toString(), "replyMethod", "email",
                "replyTo", "parent@family.example");
        sar = subjectAccessRequests.findAll().stream().filter(r -> requester.equals(r.getRequesterName())).findFirst().orElseThrow();
        ChronologyEntry concernEntry = chronology.findByStudentIdOrderByOccurredAtAscIdAsc(handedOn.getId()).stream()
                .filter(e -> "referral".equals(e.getSourceType()) && concern.getId().equals(e.getSourceId())
                        && e.getKind() == org.pastoralflow.casefile.EntryKind.CONCERN).findFirst().orElseThrow();
        String key = org.pastoralflow.casefile.CaseStore.ENTRY + "-" + concernEntry.getId();
        submit(dsl, "/tasks/" + task(sar.getProcessInstanceId(), org.pastoralflow.subjectaccess.SubjectAccessProcess.TASK_REVIEW).getId(),
                "withhold." + key, "other", "note." + key, SAR_NOTE);

        // 6. the handed-on child is put on report by the Head of Year: the card's pages, the scoring page and the
        // printable card are seen by every teacher and pastoral reader, and must give none of the DSL's record away
        submit(hoy, "/report-cards", "student", handedOn.getId().toString(), "level", "head-of-year",
                "target1", "Arrive on time " + RUN, "startsOn", termDates.calendar().addSchoolDays(LocalDate.now(), 0).toString(),
                "schoolDays", "10");
        reportCard = reportCards.findByStudentIdOrderByStartedAtDesc(handedOn.getId()).get(0);

        // 7. a Year 8 student's behaviour, logged by the Head of Year with a note: pastoral, read by the caseworkers of Year 8
        String logged = mvc.perform(post("/behaviour").session(hoy).with(csrf()).param("category", "rudeness").param("place", "Corridor")
                        .param("note", BEHAVIOUR_NOTE).param("upn-0", target.getUpn()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        behaviourBatch = logged.substring("/behaviour/logs/".length());

        // 8. the DSL logs a call home about the handed-on child at safeguarding level, with a follow-up for themselves
        java.time.LocalDateTime called = org.pastoralflow.support.JustNow.at().minusHours(1);
        submit(dsl, "/students/" + handedOn.getId() + "/contacts", "contact", "other", "withWhom", "Aunt " + CONTACT_LOG,
                "method", "phone-made", "day", called.toLocalDate().toString(), "time", called.toLocalTime().toString(),
                "said", CONTACT_LOG, "agreed", "Call back " + CONTACT_LOG, "confidentiality", "safeguarding",
                "followUpOn", LocalDate.now().plusDays(2).toString());
        Map<String, Object> contact = jdbc.queryForMap("select reference, process_instance_id from contact_log where said = ?", CONTACT_LOG);
        dslOnlyReferences.add((String) contact.get("reference"));
        contactLogProcess = (String) contact.get("process_instance_id");
        // 9. a safeguarding home visit a DSL planned for the handed-on child's family, overdue: on the on-call board
        //    and e-mailed to the PSOs on duty, who learn whom to phone and nothing of the visit
        java.time.LocalDateTime now = org.pastoralflow.support.JustNow.at();
        java.time.LocalTime leaves = now.toLocalTime().isBefore(java.time.LocalTime.of(23, 0)) ? now.toLocalTime().plusMinutes(1) : now.toLocalTime();
        submit(dsl, "/home-visits", "upn", handedOn.getUpn(), "address", "1 " + HOME_VISIT + " Road", "purpose", HOME_VISIT,
                "day", now.toLocalDate().toString(), "leaves", leaves.toString(),
                "back", leaves.isBefore(java.time.LocalTime.of(22, 58)) ? leaves.plusHours(1).toString() : "23:59",
                "leadVisitor", "dsl", "secondVisitor", "dsl2", "visitorPhone", "07700 900999", "familyFlagged", "on", "safeguarding", "on");
        String visitRef = jdbc.queryForObject("select reference from home_visit where purpose = ?", String.class, HOME_VISIT);
        dslOnlyReferences.add(visitRef);
        String visitProcess = jdbc.queryForObject("select process_instance_id from home_visit where purpose = ?", String.class, HOME_VISIT);
        management.executeJob(management.createJobQuery().processInstanceId(visitProcess).activityId("Timer_GraceOver").singleResult().getId());
        // proof the board was reached: a PSO on the board sees whom to phone, and nothing else of it
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/oncall")
                .session(Web.signIn(mvc, "pso"))).andReturn().getResponse().getContentAsString()).contains("07700 900999");
        homeVisitReference = visitRef;
        homeVisitProcess = visitProcess;
        // 10. a child protection core group for the handed-on child: minutes and actions (the DSL group's own, and the
        //    social worker's), both past their dates, so the keeper is e-mailed and the chase task is open
        submit(dsl, "/agency-meetings", "upn", handedOn.getUpn(), "kind", "core-group", "purpose", CORE_GROUP,
                "firstMeetingOn", LocalDate.now().toString());
        coreGroup = agencyMeetings.findByStudentIdOrderByOpenedAtDesc(handedOn.getId()).stream()
                .filter(x -> CORE_GROUP.equals(x.getPurpose())).findFirst().orElseThrow();
        dslOnlyReferences.add(coreGroup.getReference());
        management.executeJob(management.createJobQuery().processInstanceId(coreGroup.getProcessInstanceId())
                .activityId("Timer_NextMeeting").singleResult().getId());
        submit(dsl, "/tasks/" + task(coreGroup.getProcessInstanceId(), "Task_RecordMeeting").getId(), "heldOn", LocalDate.now().toString(),
                "invited", "Social worker; school nurse", "attended", "Social worker", "minutes", CP_MINUTES,
                "action1", CP_ACTION, "action1Staff", "dsl", "action1Due", LocalDate.now().toString(),
                "action2", CP_AGENCY_ACTION, "action2Agency", "Social worker", "action2Due", LocalDate.now().toString(),
                "nextStep", "next", "nextMeetingOn", LocalDate.now().plusWeeks(6).toString());
        coreGroupProcesses.add(coreGroup.getProcessInstanceId());
        for (org.pastoralflow.agencymeeting.AgencyAction a : agencyMeetingReads.actionsOf(coreGroup,
                new Viewer("dsl", "dsl", Set.of("dsl")))) {
            dslOnlyReferences.add(a.getReference());
            coreGroupProcesses.add(a.getProcessInstanceId());
            Job pastDate = management.createJobQuery().processInstanceId(a.getProcessInstanceId()).timers().singleResult();
            management.executeJob(pastDate.getId());
        }
        assertThat(coreGroupProcesses).as("the series and its two actions").hasSize(3);
        // the next meeting: the social worker invited by e-mail, then the meeting moved for a reason that stays on the record
        submit(dsl, "/agency-meetings/" + coreGroup.getReference() + "/invitations", "time", "15:30", "place", "Room 4",
                "invitee1Name", "Sam Worker", "invitee1Agency", "Children's social care", "invitee1Email", "sam.worker@example.org");
        submit(dsl, "/agency-meetings/" + coreGroup.getReference() + "/rearrange", "movedTo", LocalDate.now().plusWeeks(7).toString(),
                "movedWhy", CP_MOVED);
        // the scanner's pages are the ones that hold them: the DSL reads the minutes and both actions there
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/agency-meetings/"
                        + coreGroup.getReference()).session(dsl)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(CORE_GROUP, CP_MINUTES, CP_ACTION, CP_AGENCY_ACTION, CP_MOVED, "sam.worker@example.org");
    }

    /** The shipped referral model is the newest again: the other tests in this JVM raise referrals through it. */
    @org.junit.jupiter.api.AfterAll
    void putTheShippedReferralModelBack() throws IOException {
        modelDeployments.deploy("referral.bpmn", java.nio.file.Files.readAllBytes(java.nio.file.Path.of("processes/referral.bpmn")),
                "The shipped model again after the canary", "admin", org.pastoralflow.workflow.models.ModelDeployment.How.UPLOAD, null);
    }

    String homeVisitReference;
    String homeVisitProcess;

    Referral raise(MockHttpSession teacher, Student s, String description) throws Exception {
        submit(teacher, "/referrals", "studentId", s.getId().toString(), "category", "safeguarding", "description", description,
                "childWords", WORDS, "occurredAt", LocalDate.now().minusDays(1) + "T09:15", "location", "Library");
        return referrals.findAll().stream().filter(r -> description.equals(r.getDescription())).findFirst().orElseThrow();
    }

    void complete(MockHttpSession session, Referral r, String taskKey, String... fields) throws Exception {
        submit(session, "/tasks/" + task(r.getProcessInstanceId(), taskKey).getId(), fields);
    }

    void submit(MockHttpSession session, String path, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .session(session).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    Task task(String processInstanceId, String key) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    // ---------------------------------------------------------------- the routes, with real ids

    /** Every GET route of the route matrix with each placeholder replaced by the ids of the seeded records. */
    List<String> urls() {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        List<Student> seeded = List.of(handedOn, target, alleged, leaving, removed);
        ids.put("/referrals/{reference}", referrals.findAll().stream()
                .filter(r -> seeded.stream().anyMatch(s -> s.getId().equals(r.getStudentId()))).map(Referral::getReference).toList());
        ids.put("/api/referrals/{reference}", ids.get("/referrals/{reference}"));
        ids.put("/investigations/{reference}", List.of(incident.getReference()));
        ids.put("/transition/{reference}", List.of(cpTransition.getReference()));
        ids.put("/leavers/{reference}", List.of(leaver.getReference()));
        ids.put("/subject-access/{reference}", List.of(sar.getReference()));
        ids.put("/suspensions/{reference}", List.of(suspension.getReference()));
        ids.put("/report-cards/{reference}", List.of(reportCard.getReference()));
        ids.put("/behaviour/logs/{reference}", List.of(behaviourBatch));
        ids.put("/home-visits/{reference}", List.of(homeVisitReference));
        ids.put("/agency-meetings/{reference}", List.of(coreGroup.getReference()));
        ids.put("/students/{id}", seeded.stream().map(s -> s.getId().toString()).toList());
        ids.put("/workflows/models/{processKey}", List.of("referral")); // the versions of the model the seeded records run on
        ids.put("/early-intervention/{id}", ids.get("/students/{id}"));
        ids.put("/api/students/{upn}", seeded.stream().map(Student::getUpn).toList());
        ids.put("/chronology/{id}", seeded.stream().flatMap(s -> chronology.findByStudentIdOrderByOccurredAtAscIdAsc(s.getId()).stream())
                .map(e -> e.getId().toString()).toList());
        ids.put("/plans/{id}", seeded.stream().flatMap(s -> plans.findByStudentIdOrderByCreatedAtDesc(s.getId()).stream())
                .map(p -> p.getId().toString()).toList());
        List<String> processes = new ArrayList<>(List.of(concern.getProcessInstanceId(), incident.getProcessInstanceId(),
                cpTransition.getProcessInstanceId(), leaver.getProcessInstanceId(), sar.getProcessInstanceId(),
                suspension.getProcessInstanceId(), reportCard.getProcessInstanceId(), contactLogProcess, homeVisitProcess));
        processes.addAll(coreGroupProcesses);
        ids.put("/tasks/{id}", processes.stream().flatMap(p -> tasks.createTaskQuery().processInstanceId(p).list().stream())
                .map(Task::getId).toList());
        List<String> urls = new ArrayList<>();
        for (String[] row : RouteMatrixIntegrationTest.ROUTES) {
            String[] route = row[0].split(" ", 2);
            if (!route[0].equals("GET") || route[1].startsWith("/camunda") || route[1].equals("/logout")) {
                continue;
            }
            urls.addAll(expand(route[1], ids));
        }
        // every dashboard's CSV, by name: every Dashboard bean, so a new feature's dashboard is visited without a list to keep
        assertThat(dashboards.names()).contains("referrals", "removals-groups", "suspensions-groups", "contact-home");
        for (String name : dashboards.names()) {
            urls.add("/dashboards/" + name + ".csv");
        }
        // the student pages' model route, with each seeded record's process
        for (Student s : seeded) {
            for (String p : processes) {
                urls.add("/students/" + s.getId() + "/processes/" + p + "/model.bpmn");
            }
        }
        return urls;
    }

    static List<String> expand(String pattern, Map<String, List<String>> ids) {
        if (!pattern.contains("{")) {
            return List.of(pattern);
        }
        for (Map.Entry<String, List<String>> e : ids.entrySet()) {
            String prefix = e.getKey();
            if (pattern.startsWith(prefix)) {
                String placeholder = prefix.substring(prefix.lastIndexOf('{'));
                List<String> out = new ArrayList<>();
                for (String id : e.getValue()) {
                    String rest = pattern.replace(placeholder, id);
                    out.addAll(rest.contains("{") ? List.of(rest.replaceAll("\\{[^}]+}", "1")) : List.of(rest));
                }
                return out;
            }
        }
        // a route about no seeded record (an id of something else): called with an id that does not exist
        return List.of(pattern.replaceAll("\\{[^}]+}", "1"));
    }

    // ---------------------------------------------------------------- the scanner

    /** What a response shows, as text: a page, a CSV or JSON as it is; a PDF by its text; a ZIP by every file in it. */
    static String text(byte[] body, String contentType) throws IOException {
        if (contentType != null && contentType.contains("pdf") || body.length > 4 && body[0] == '%' && body[1] == 'P') {
            try (var pdf = Loader.loadPDF(body)) {
                return new PDFTextStripper().getText(pdf);
            } catch (IOException encrypted) {
                return new String(body, StandardCharsets.ISO_8859_1);
            }
        }
        if (contentType != null && contentType.contains("zip") || body.length > 4 && body[0] == 'P' && body[1] == 'K') {
            StringBuilder all = new StringBuilder();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null) {
                    all.append(e.getName()).append('\n').append(text(zip.readAllBytes(), e.getName().endsWith(".pdf") ? "pdf" : null));
                }
            }
            return all.toString();
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The markers and DSL-only references a text gives away. */
    List<String> leaks(String text) {
        return leaks(text, Set.of());
    }

    /**
     * The same, but references the reader knows already are not news: the teacher who logged an
     * incident sees its reference and "received" on their own list, and anyone sees the reference
     * they typed into the address bar.
     */
    List<String> leaks(String text, Set<String> known) {
        List<String> found = new ArrayList<>();
        MARKERS.stream().filter(text::contains).forEach(found::add);
        dslOnlyReferences.stream().filter(ref -> !known.contains(ref))
                .filter(ref -> Pattern.compile("\\b" + Pattern.quote(ref) + "\\b").matcher(text).find())
                .forEach(found::add);
        return found;
    }

    /** The DSL-only references this role recorded itself (it raised the concern, logged the incident). */
    Set<String> recordedBy(String role) {
        Set<String> own = new TreeSet<>();
        referrals.findAll().stream().filter(r -> role.equals(r.getRaisedBy())).forEach(r -> own.add(r.getReference()));
        incidents.findAll().stream().filter(i -> role.equals(i.getLoggedBy())).forEach(i -> own.add(i.getReference()));
        leavers.findAll().stream().filter(l -> role.equals(l.getRecordedBy())).forEach(l -> own.add(l.getReference()));
        return own;
    }

    HttpResponse<byte[]> fetch(HttpUser user, String url) {
        return user.getBytes(url);
    }

    @Test
    void noRoleButTheDslSeesAnyMarkerOrLearnsThatADslRecordExists() throws Exception {
        List<String> urls = urls();
        Map<String, List<String>> leaksFound = new LinkedHashMap<>();
        int visited = 0;
        for (String role : OTHER_ROLES) {
            HttpUser user = HttpUser.signedIn(port, role);
            Set<String> own = recordedBy(role);
            for (String url : urls) {
                HttpResponse<byte[]> r = fetch(user, url);
                visited++;
                assertThat(r.statusCode()).as("%s %s", role, url).isLessThan(500);
                Set<String> known = new TreeSet<>(own);
                dslOnlyReferences.stream().filter(url::contains).forEach(known::add);
                List<String> found = leaks(text(r.body(), r.headers().firstValue("Content-Type").orElse(null)), known);
                if (!found.isEmpty()) {
                    leaksFound.put(role + " GET " + url + " (" + r.statusCode() + ")", found);
                }
            }
        }
        System.out.printf("Canary: %d pages, exports and API calls visited as %d roles%n", visited, OTHER_ROLES.size());
        assertThat(leaksFound).as("markers or DSL-only references shown to someone outside the DSL group").isEmpty();
    }

    /**
     * A behaviour log is pastoral: a member of staff who did not log it, a PSO of another year group
     * and the administrator learn nothing of it anywhere, not even its reference; a PSO of the whole
     * school reads it, so the pages that must not show it were really reached with it there.
     */
    @Test
    void aBehaviourLogIsReadByNoneButItsReaders() throws Exception {
        List<String> urls = urls();
        assertThat(urls).contains("/behaviour/logs/" + behaviourBatch);
        Map<String, Integer> leaksFound = new LinkedHashMap<>();
        for (String role : List.of("teacher", "pso9", "admin")) {
            HttpUser user = HttpUser.signedIn(port, role);
            for (String url : urls) {
                HttpResponse<byte[]> r = fetch(user, url);
                assertThat(r.statusCode()).as("%s %s", role, url).isLessThan(500);
                String text = text(r.body(), r.headers().firstValue("Content-Type").orElse(null));
                if (text.contains(BEHAVIOUR_NOTE) || (!url.contains(behaviourBatch) && text.contains(behaviourBatch))) {
                    leaksFound.put(role + " GET " + url, r.statusCode());
                }
            }
        }
        assertThat(leaksFound).as("the behaviour log shown to someone who may not read it").isEmpty();
        HttpUser pso = HttpUser.signedIn(port, "pso");
        assertThat(new String(fetch(pso, "/students/" + target.getId()).body(), StandardCharsets.UTF_8)).contains(BEHAVIOUR_NOTE);
        assertThat(new String(fetch(pso, "/behaviour/logs/" + behaviourBatch).body(), StandardCharsets.UTF_8)).contains(BEHAVIOUR_NOTE);
    }

    /**
     * A removal is pastoral: the teacher (no caseworker group), the Year 9 PSO and the administrator
     * see nothing of it anywhere (the room's register, the student page, dashboards, exports, the API),
     * while the Pastoral Lead's register and the Year 10 student's page show it: the scanner can fail.
     */
    @Test
    void aRemovalIsSeenByNobodyOutsideItsStudentsCaseworkers() throws Exception {
        HttpUser lead = HttpUser.signedIn(port, "lead");
        assertThat(text(fetch(lead, "/removals/room").body(), "text/html")).contains(REMOVAL);
        assertThat(text(fetch(lead, "/students/" + removed.getId()).body(), "text/html")).contains(REMOVAL);
        List<String> urls = urls();
        urls.add("/removals/room?day=" + org.pastoralflow.support.JustNow.at().minusHours(1).toLocalDate());
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String role : NOT_PASTORAL_FOR_YEAR_10) {
            HttpUser user = HttpUser.signedIn(port, role);
            for (String url : urls) {
                HttpResponse<byte[]> r = fetch(user, url);
                assertThat(r.statusCode()).as("%s %s", role, url).isLessThan(500);
                if (text(r.body(), r.headers().firstValue("Content-Type").orElse(null)).contains(REMOVAL)) {
                    seen.put(role + " GET " + url, r.statusCode());
                }
            }
        }
        assertThat(seen).as("the removal's marker shown to someone who may not read it").isEmpty();
    }

    /**
     * A one-page profile on the SEN register is send: the teacher, a PSO, SLT and the administrator find
     * it nowhere (the register, the pupil's SEN page, the student page, the API's chronology, the inbox),
     * while the Pastoral Lead reads it on both pages: the scanner can fail.
     */
    @Test
    void aSenProfileIsSeenOnlyBySendReaders() throws Exception {
        Student pupil = students.findAll().stream().filter(s -> s.getYearGroup() == 11 && "K".equals(s.getSenStatus()))
                .sorted(java.util.Comparator.comparing(Student::getUpn)).findFirst().orElseThrow();
        submit(Web.signIn(mvc, "senco"), "/send/students/" + pupil.getId() + "/needs", "primaryNeed", "SEMH", "whatHelps", SEN_PROFILE);
        HttpUser lead = HttpUser.signedIn(port, "lead");
        assertThat(text(fetch(lead, "/send/students/" + pupil.getId()).body(), "text/html")).contains(SEN_PROFILE);
        assertThat(text(fetch(lead, "/students/" + pupil.getId()).body(), "text/html")).contains(SEN_PROFILE);
        List<String> urls = List.of("/send", "/send?status=K", "/send/students/" + pupil.getId(), "/students/" + pupil.getId(),
                "/api/students/" + pupil.getUpn() + "/chronology", "/inbox");
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String role : List.of("teacher", "pso", "head", "admin")) {
            HttpUser user = HttpUser.signedIn(port, role);
            for (String url : urls) {
                HttpResponse<byte[]> r = fetch(user, url);
                assertThat(r.statusCode()).as("%s %s", role, url).isLessThan(500);
                if (text(r.body(), r.headers().firstValue("Content-Type").orElse(null)).contains(SEN_PROFILE)) {
                    seen.put(role + " GET " + url, r.statusCode());
                }
            }
        }
        assertThat(seen).as("the SEN profile shown to someone who may not read send records").isEmpty();
    }

    @Test
    void thePsoWhoTakesTheChildOnReadsTheHandoverAndNothingBeforeIt() throws Exception {
        HttpUser pso = HttpUser.signedIn(port, "pso");
        String page = new String(fetch(pso, "/referrals/" + concern.getReference()).body(), StandardCharsets.UTF_8);
        assertThat(page).contains(HANDOVER);
        assertThat(leaks(page)).isEmpty();
        Task plan = task(concern.getProcessInstanceId(), "Task_WriteSupportPlan");
        String form = new String(fetch(pso, "/tasks/" + plan.getId()).body(), StandardCharsets.UTF_8);
        assertThat(form).contains(HANDOVER, "Start the plan");
        assertThat(leaks(form)).isEmpty();
    }

    @Test
    void theAdministratorReadsNothingThroughTheCamundaWebappsRestApi() throws Exception {
        HttpUser admin = HttpUser.signedIn(port, "admin");
        for (String path : List.of("/camunda/api/engine/engine/default/variable-instance",
                "/camunda/api/engine/engine/default/history/variable-instance",
                "/camunda/api/engine/engine/default/process-instance",
                "/camunda/api/engine/engine/default/history/process-instance",
                "/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/history/task",
                "/camunda/api/engine/engine/default/history/activity-instance")) {
            HttpResponse<byte[]> r = fetch(admin, path);
            assertThat(leaks(text(r.body(), "application/json"))).as("admin GET %s (%d)", path, r.statusCode()).isEmpty();
        }
        // the running instances are there to operate, without the records' references
        String instances = new String(fetch(admin, "/camunda/api/engine/engine/default/process-instance?processInstanceIds="
                + incident.getProcessInstanceId()).body(), StandardCharsets.UTF_8);
        assertThat(instances).contains(incident.getProcessInstanceId()).doesNotContain(incident.getReference());
        // nor can the administrator ask whether there is one for a reference they guess
        for (String ref : dslOnlyReferences) {
            assertThat(fetch(admin, "/camunda/api/engine/engine/default/process-instance?businessKey=" + ref).statusCode())
                    .as("query by business key %s", ref).isEqualTo(403);
        }
    }

    @Test
    void noEmailToAnyoneButTheDslNamesAChildOrGivesAMarkerAway() throws Exception {
        Set<String> dslAddresses = dslAddresses();
        List<String> childNames = List.of(handedOn, target, alleged, leaving).stream()
                .flatMap(s -> java.util.stream.Stream.of(s.displayName(), s.getLegalSurname() + ", " + s.getLegalForename())).toList();
        Map<String, List<String>> found = new LinkedHashMap<>();
        MimeMessage[] received = TestMail.received();
        assertThat(received).as("the seeding sent e-mails (the leaver's overdue transfer)").isNotEmpty();
        for (MimeMessage m : received) {
            List<String> leaks = emailLeaks(m, dslAddresses, childNames);
            if (!leaks.isEmpty()) {
                found.put(m.getSubject() + " to " + java.util.Arrays.toString(m.getAllRecipients()), leaks);
            }
        }
        assertThat(found).isEmpty();
    }

    /** An e-mail never names a child; to anyone but the DSLs it holds no marker and no DSL-only reference. */
    List<String> emailLeaks(MimeMessage m, Set<String> dslAddresses, List<String> childNames) throws Exception {
        String text = m.getSubject() + "\n" + m.getContent();
        List<String> leaks = new ArrayList<>();
        childNames.stream().filter(text::contains).forEach(leaks::add);
        boolean toDslOnly = java.util.Arrays.stream(m.getAllRecipients()).allMatch(a -> dslAddresses.contains(a.toString()));
        if (!toDslOnly) {
            leaks.addAll(leaks(text));
        }
        return leaks;
    }

    Set<String> dslAddresses() {
        Set<String> out = new TreeSet<>();
        for (MimeMessage m : TestMail.received()) {
            try {
                if (m.getSubject().startsWith("CP file transfer overdue for ")) {
                    java.util.Arrays.stream(m.getAllRecipients()).forEach(a -> out.add(a.toString()));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(out).as("the DSLs were e-mailed about the overdue transfer").isNotEmpty();
        return out;
    }

    // ---------------------------------------------------------------- the scanner can fail

    @Test
    void theScannerCatchesEveryFormatItReads() throws Exception {
        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        // a page: the DSL's own view of the incident holds its account and its reference
        assertThat(leaks(text(fetch(dsl, "/investigations/" + incident.getReference()).body(), "text/html")))
                .contains(HSB, incident.getReference());
        // a PDF: the checklist report the DSL prints
        HttpResponse<byte[]> pdf = fetch(dsl, "/investigations/" + incident.getReference() + "/report.pdf");
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).contains("pdf");
        assertThat(leaks(text(pdf.body(), "application/pdf"))).contains(HSB);
        // JSON: the chronology API as the DSL
        assertThat(leaks(text(dsl.getBytes("/students/" + handedOn.getId()).body(), "text/html"))).isNotEmpty();
        HttpResponse<byte[]> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/students/" + handedOn.getUpn() + "/chronology"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("dsl:demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(leaks(text(api.body(), "application/json"))).contains(CONCERN);
        // CSV and ZIP: a CSV with a marker, zipped, is read through both
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("part.csv"));
            zip.write(("reference,summary\r\n" + incident.getReference() + ",\"" + HSB + "\"\r\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThat(leaks(text(zipped.toByteArray(), "application/zip"))).contains(HSB, incident.getReference());
        // an e-mail: one to a PSO holding a marker, and one to a DSL naming a child, are both caught
        jakarta.mail.Session mail = jakarta.mail.Session.getInstance(new java.util.Properties());
        MimeMessage toPso = new MimeMessage(mail);
        toPso.setRecipients(jakarta.mail.Message.RecipientType.TO, "pso@school.example");
        toPso.setSubject("Overdue task " + incident.getReference());
        toPso.setText("About " + PLACE);
        toPso.saveChanges();
        assertThat(emailLeaks(toPso, Set.of("dsl@school.example"), List.of())).contains(PLACE, incident.getReference());
        MimeMessage toDsl = new MimeMessage(mail);
        toDsl.setRecipients(jakarta.mail.Message.RecipientType.TO, "dsl@school.example");
        toDsl.setSubject("About " + target.displayName());
        toDsl.setText("x");
        toDsl.saveChanges();
        assertThat(emailLeaks(toDsl, Set.of("dsl@school.example"), List.of(target.displayName()))).contains(target.displayName());
    }
}
