package org.pastoralflow.agencymeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Multi-agency meetings through the pages on PostgreSQL, by the engine's clock: a DSL opens an Early
 * Help series, the reminder comes on the meeting's day, the meeting is recorded with a named teacher's
 * action, a group's and the school nurse's; the teacher's task is done and lands in the chronology; the
 * nurse's action, past its date, is chased to a new date and later reported done from the page. Bad
 * input is a field error with nothing written; a child protection series is found by the DSL only.
 */
@PostgresIntegrationTest
class AgencyMeetingIntegrationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Wednesday 2 December 2026, 10:00. */
    static final LocalDateTime WEDNESDAY_10AM = LocalDateTime.of(2026, 12, 2, 10, 0);

    @Autowired MockMvc mvc;
    @Autowired StudentRepository students;
    @Autowired MeetingSeriesRepository series;
    @Autowired AgencyMeetingRepository meetings;
    @Autowired AgencyActionRepository actions;
    @Autowired ChronologyRepository chronology;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;
    @Autowired AgencyMeetingSubjectAccess subjectAccess;
    @Autowired AgencyMeetingRetention retention;
    @Autowired MeetingNoticeRepository notices;
    @Autowired org.pastoralflow.family.ContactImporter contactImporter;
    @Autowired org.pastoralflow.family.FamilyContacts familyContacts;
    @Autowired org.pastoralflow.reporting.Dashboards dashboards;
    @Autowired org.pastoralflow.reporting.Filters filters;

    @BeforeEach
    void wednesdayMorning() {
        at(WEDNESDAY_10AM);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    static void at(LocalDateTime t) {
        ClockUtil.setCurrentTime(java.util.Date.from(t.atZone(LONDON).toInstant()));
    }

    Student inYear(int year, int nth) {
        return students.findAll().stream().filter(s -> s.getYearGroup() == year).sorted(Comparator.comparing(Student::getId))
                .skip(nth).findFirst().orElseThrow();
    }

    MockHttpServletRequestBuilder form(MockHttpSession session, String path, String... fields) {
        MockHttpServletRequestBuilder r = post(path).session(session).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            r.param(fields[i], fields[i + 1]);
        }
        return r;
    }

    void sent(MockHttpSession session, String path, String... fields) throws Exception {
        mvc.perform(form(session, path, fields)).andExpect(status().is3xxRedirection());
    }

    String refused(MockHttpSession session, String path, String... fields) throws Exception {
        return mvc.perform(form(session, path, fields)).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
    }

    MeetingSeries open(MockHttpSession dsl, Student s, String kind, String level, String purpose) throws Exception {
        sent(dsl, "/agency-meetings", "upn", s.getUpn(), "kind", kind, "confidentiality", level, "leadProfessional",
                "Early Help practitioner, Family Hub", "purpose", purpose, "firstMeetingOn", "02/12/2026");
        return series.findByStudentIdOrderByOpenedAtDesc(s.getId()).stream().filter(x -> purpose.equals(x.getPurpose())).findFirst()
                .orElseThrow();
    }

    Task task(String processInstanceId, String key) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    void fire(String processInstanceId, String activity) {
        Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activity).singleResult();
        assertThat(job).as(activity).isNotNull();
        management.executeJob(job.getId());
    }

    List<ChronologyEntry> entries(MeetingSeries s) {
        return chronology.findByStudentIdOrderByOccurredAtAscIdAsc(s.getStudentId()).stream()
                .filter(e -> AgencyMeetingProcess.SOURCE_TYPE.equals(e.getSourceType()) && s.getId().equals(e.getSourceId())).toList();
    }

    @Test
    void anEarlyHelpMeetingsSchoolActionBecomesTheTeachersTaskAndTheNursesActionIsChased() throws Exception {
        Student s = inYear(8, 3);
        MockHttpSession dsl = Web.signIn(mvc, "dsl"), teacher = Web.signIn(mvc, "teacher");
        String purpose = "Family support after a bereavement " + System.nanoTime();
        MeetingSeries opened = open(dsl, s, "early-help", "PASTORAL", purpose);
        assertThat(opened.getConfidentiality()).isEqualTo(Confidentiality.PASTORAL);
        assertThat(opened.getReference()).startsWith("AM");
        assertThat(entries(opened)).singleElement().satisfies(e -> assertThat(e.getKind()).isEqualTo(EntryKind.AGENCY_MEETING));

        // the meeting's day: the reminder to record it
        assertThat(task(opened.getProcessInstanceId(), AgencyMeetingProcess.TASK_RECORD_MEETING)).isNull();
        fire(opened.getProcessInstanceId(), "Timer_NextMeeting");
        Task record = task(opened.getProcessInstanceId(), AgencyMeetingProcess.TASK_RECORD_MEETING);
        String page = mvc.perform(get("/tasks/" + record.getId()).session(dsl)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Record the meeting", s.displayName(), "value=\"2027-01-13\"");
        sent(dsl, "/tasks/" + record.getId(), "heldOn", "02/12/2026", "invited", "Mum; Early Help practitioner, Family Hub; school nurse",
                "attended", "Mum; Early Help practitioner; Mrs Patel (DSL)", "minutes", "Sleep is better; worries about school mornings.",
                "action1", "Morning check-in with her tutor", "action1Staff", "teacher", "action1Due", "04/12/2026",
                "action2", "Invite to the bereavement group", "action2Staff", "pso", "action2Due", "11/12/2026",
                "action3", "Sleep clinic appointment", "action3Agency", "School nurse", "action3Due", "04/12/2026",
                "nextStep", "next", "nextMeetingOn", "13/01/2027");
        MeetingSeries after = series.findById(opened.getId()).orElseThrow();
        assertThat(after.getNextMeetingOn()).isEqualTo(LocalDate.of(2027, 1, 13));
        assertThat(meetings.findBySeriesIdOrderByHeldOnAscIdAsc(opened.getId())).singleElement()
                .satisfies(m -> assertThat(m.getMinutes()).startsWith("Sleep is better"));
        List<AgencyAction> agreed = actions.findBySeriesIdOrderByDueOnAscIdAsc(opened.getId());
        assertThat(agreed).extracting(AgencyAction::owner).containsExactlyInAnyOrder("teacher", "group pso", "School nurse");
        assertThat(agreed).allSatisfy(a -> assertThat(a.getProcessInstanceId()).isNotNull());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(opened.getProcessInstanceId()).singleResult()).isNotNull();

        // the teacher's action is in the teacher's inbox, and done through its task: into the chronology
        AgencyAction checkIn = agreed.stream().filter(a -> "teacher".equals(a.getStaffUser())).findFirst().orElseThrow();
        assertThat(mvc.perform(get("/inbox").session(teacher)).andReturn().getResponse().getContentAsString()).contains("Do the agreed action");
        Task schoolTask = task(checkIn.getProcessInstanceId(), AgencyMeetingProcess.TASK_SCHOOL_ACTION);
        String taskPage = mvc.perform(get("/tasks/" + schoolTask.getId()).session(teacher)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(taskPage).contains("Morning check-in with her tutor").doesNotContain("Sleep is better");
        assertThat(refused(teacher, "/tasks/" + schoolTask.getId(), "doneOn", "31/12/2026", "done", "Started"))
                .contains("Done on cannot be in the future");
        sent(teacher, "/tasks/" + schoolTask.getId(), "doneOn", "02/12/2026", "done", "Check-ins each morning in the tutor room.");
        assertThat(actions.findById(checkIn.getId()).orElseThrow().getStatus()).isEqualTo(AgencyAction.DONE);
        assertThat(entries(opened)).anySatisfy(e -> {
            assertThat(e.getSummary()).isEqualTo("Action done: Morning check-in with her tutor");
            assertThat(e.getDetail()).contains("Check-ins each morning");
            assertThat(e.getRecordedBy()).isEqualTo("teacher");
            assertThat(e.getConfidentiality()).isEqualTo(Confidentiality.PASTORAL);
        });

        // the group's action: offered to the PSOs
        AgencyAction group = agreed.stream().filter(a -> "pso".equals(a.getStaffGroup())).findFirst().orElseThrow();
        assertThat(tasks.getIdentityLinksForTask(task(group.getProcessInstanceId(), AgencyMeetingProcess.TASK_SCHOOL_ACTION).getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("pso"));

        // the nurse's action: no news two school days after its date, so the DSL chases it
        AgencyAction nurse = agreed.stream().filter(a -> "School nurse".equals(a.getAgency())).findFirst().orElseThrow();
        at(LocalDateTime.of(2026, 12, 8, 16, 1));
        fire(nurse.getProcessInstanceId(), "Timer_AgencyOverdue");
        Task chase = task(nurse.getProcessInstanceId(), AgencyMeetingProcess.TASK_CHASE_AGENCY);
        assertThat(tasks.getIdentityLinksForTask(chase.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("dsl"));
        assertThat(refused(dsl, "/tasks/" + chase.getId(), "chaseOutcome", "new-date", "note", "Spoke to the nurse"))
                .contains("Give the new date agreed");
        sent(dsl, "/tasks/" + chase.getId(), "chaseOutcome", "new-date", "newDue", "15/12/2026", "note", "Spoke to the nurse: booked for the 15th");
        AgencyAction chased = actions.findById(nurse.getId()).orElseThrow();
        assertThat(chased.getChased()).isEqualTo(1);
        assertThat(chased.getDueOn()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(entries(opened)).anySatisfy(e -> assertThat(e.getSummary()).isEqualTo("Chased School nurse: now due 2026-12-15"));

        // then the nurse says it is done: marked on the series page, and the action's workflow ends
        String seriesPage = mvc.perform(get("/agency-meetings/" + opened.getReference()).session(dsl)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(seriesPage).contains("Sleep clinic appointment", "Mark done");
        assertThat(refused(dsl, "/agency-meetings/" + opened.getReference() + "/actions/" + nurse.getReference() + "/done",
                "doneOn", "10/12/2026")).contains("What the agency did");
        sent(dsl, "/agency-meetings/" + opened.getReference() + "/actions/" + nurse.getReference() + "/done",
                "doneOn", "08/12/2026", "done", "Seen at the sleep clinic");
        assertThat(actions.findById(nurse.getId()).orElseThrow().getStatus()).isEqualTo(AgencyAction.DONE);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(nurse.getProcessInstanceId()).count()).isZero();

        // a subject access request sees the series, the minutes and the actions, each at the series' level (no invitations went)
        List<org.pastoralflow.casefile.SubjectAccessPart.Table> held = subjectAccess.heldAbout(s.getId());
        assertThat(held).extracting(t -> t.items().size()).containsExactly(1, 1, 3, 0);
        assertThat(held.get(1).items().get(0).fields().get("minutes")).startsWith("Sleep is better");
        assertThat(held).flatExtracting(org.pastoralflow.casefile.SubjectAccessPart.Table::items)
                .allSatisfy(i -> assertThat(i.confidentiality()).isEqualTo(Confidentiality.PASTORAL));
        // and the retention review destroys them, safeguarding-level ones of the student left alone
        assertThat(retention.destroy(s.getId(), Confidentiality.SAFEGUARDING)).isZero();
        assertThat(retention.destroy(s.getId(), Confidentiality.PASTORAL)).isEqualTo(1);
        assertThat(actions.findBySeriesIdOrderByDueOnAscIdAsc(opened.getId())).isEmpty();
        assertThat(meetings.findBySeriesIdOrderByHeldOnAscIdAsc(opened.getId())).isEmpty();
    }

    @Test
    void aSchoolActionPastItsDateEmailsTheKeeperWithoutNamingTheChild() throws Exception {
        Student s = inYear(9, 4);
        MockHttpSession dsl = Web.signIn(mvc, "dsl");
        MeetingSeries opened = open(dsl, s, "pep", "PASTORAL", "PEP for a looked-after child " + System.nanoTime());
        fire(opened.getProcessInstanceId(), "Timer_NextMeeting");
        sent(dsl, "/tasks/" + task(opened.getProcessInstanceId(), AgencyMeetingProcess.TASK_RECORD_MEETING).getId(),
                "heldOn", "02/12/2026", "invited", "Virtual school; carer; social worker", "attended", "All", "minutes", "Targets set.",
                "action1", "Maths tutoring three times a week", "action1Staff", "hoy", "action1Due", "04/12/2026",
                "nextStep", "end", "endReason", "The child moves school in January.");
        assertThat(series.findById(opened.getId()).orElseThrow().isOpen()).isFalse();
        AgencyAction tutoring = actions.findBySeriesIdOrderByDueOnAscIdAsc(opened.getId()).get(0);
        at(LocalDateTime.of(2026, 12, 8, 16, 1));
        fire(tutoring.getProcessInstanceId(), "Timer_SchoolActionOverdue");
        List<String> subjects = jdbc.queryForList("select subject || ' ' || body from notification where subject like ?", String.class,
                "Action " + tutoring.getReference() + "%");
        assertThat(subjects).singleElement().satisfies(m -> assertThat(m).contains("overdue").doesNotContain(s.getLegalForename())
                .doesNotContain(s.getLegalSurname()).doesNotContain("Maths"));
        assertThat(task(tutoring.getProcessInstanceId(), AgencyMeetingProcess.TASK_SCHOOL_ACTION)).as("still to do").isNotNull();
    }

    @Test
    void badInputIsAFieldErrorAndNothingIsWritten() throws Exception {
        Student s = inYear(10, 5);
        MockHttpSession dsl = Web.signIn(mvc, "dsl");
        long before = series.count();
        assertThat(refused(dsl, "/agency-meetings", "upn", "A000000000000", "kind", "no-such-kind", "firstMeetingOn", "31/02/2026"))
                .contains("No student has this UPN", "Kind of meeting", "First meeting");
        assertThat(refused(dsl, "/agency-meetings", "upn", s.getUpn(), "kind", "child-in-need", "confidentiality", "PASTORAL",
                "firstMeetingOn", "02/12/2026")).contains("always a safeguarding record");
        assertThat(refused(dsl, "/agency-meetings", "upn", s.getUpn(), "kind", "early-help", "confidentiality", "PASTORAL",
                "owner", "teacher", "firstMeetingOn", "02/12/2026")).contains("Name someone who may read this series");
        assertThat(series.count()).isEqualTo(before);

        MeetingSeries cp = open(dsl, s, "core-group", "", "Core group after the initial conference " + System.nanoTime());
        assertThat(cp.getConfidentiality()).isEqualTo(Confidentiality.SAFEGUARDING);
        fire(cp.getProcessInstanceId(), "Timer_NextMeeting");
        String taskPath = "/tasks/" + task(cp.getProcessInstanceId(), AgencyMeetingProcess.TASK_RECORD_MEETING).getId();
        String page = refused(dsl, taskPath, "heldOn", "09/12/2026", "invited", "Social worker", "attended", "Social worker",
                "minutes", "Plan reviewed.",
                "action1", "Weekly welfare check", "action1Staff", "pso", "action1Due", "04/12/2026",
                "action2", "Home visit", "action2Staff", "dsl", "action2Agency", "Social care", "action2Due", "04/12/2026",
                "action3", "Update the plan", "action3Staff", "nobody-of-that-name",
                "action4Staff", "dsl", "nextStep", "next", "nextMeetingOn", "01/12/2026");
        assertThat(page).contains("Record a meeting once it has been held", "The group pso may not read this series",
                "one of them", "No member of staff has the username", "Give the date action 3 is due by",
                "Say what action 4 is", "action1Staff-error", "action4-error");
        assertThat(meetings.findBySeriesIdOrderByHeldOnAscIdAsc(cp.getId())).isEmpty();
        assertThat(actions.findBySeriesIdOrderByDueOnAscIdAsc(cp.getId())).isEmpty();
        assertThat(task(cp.getProcessInstanceId(), AgencyMeetingProcess.TASK_RECORD_MEETING)).as("still open").isNotNull();

        // the child protection series: the DSL's alone
        for (String other : List.of("teacher", "pso", "hoy", "senco", "lead", "head")) {
            MockHttpSession session = Web.signIn(mvc, other);
            int status = mvc.perform(get("/agency-meetings/" + cp.getReference()).session(session)).andReturn().getResponse().getStatus();
            assertThat(status).as(other).isEqualTo("teacher".equals(other) ? 403 : 404);
            if (!"teacher".equals(other)) {
                assertThat(mvc.perform(get("/agency-meetings").session(session)).andReturn().getResponse().getContentAsString())
                        .as(other).doesNotContain(cp.getReference());
            }
        }
        assertThat(mvc.perform(get("/agency-meetings").session(dsl)).andReturn().getResponse().getContentAsString()).contains(cp.getReference());
    }

    /** The e-mail GreenMail received for this address and subject, as its text (SMTP's CRLF made LF). */
    static String receivedText(String to, String subject) throws Exception {
        for (jakarta.mail.internet.MimeMessage m : org.pastoralflow.support.TestMail.received()) {
            if (m.getAllRecipients()[0].toString().equals(to) && m.getSubject().equals(subject)) {
                return m.getContent().toString().replace("\r\n", "\n").stripTrailing();
            }
        }
        throw new AssertionError("No e-mail to " + to + " about " + subject);
    }

    @Test
    void aCoreGroupsInvitationsGoByEmailAsLoggedAndMovingTheMeetingMovesItsReminderAndTellsThemAgain() throws Exception {
        Student s = inYear(10, 23);
        String csv = "UPN,Contact Surname,Contact Forename,Relationship,Parental Responsibility,Priority,Email,Restrictions\r\n"
                + s.getUpn() + ",Example,Jo,Mother,Y,1,jo.example@example.org,\r\n"
                + s.getUpn() + ",Example,Lee,Father,Y,2,lee.example@example.org,NC\r\n";
        assertThat(contactImporter.importCsv(new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "admin").accepted()).isTrue();
        Viewer dslViewer = new Viewer("dsl", "dsl", java.util.Set.of("dsl"));
        var family = familyContacts.of(s.getId(), dslViewer);
        Long jo = family.get(0).contact().getId(), lee = family.get(1).contact().getId();
        MockHttpSession dsl = Web.signIn(mvc, "dsl");
        String purpose = "Core group after the initial conference " + System.nanoTime();
        sent(dsl, "/agency-meetings", "upn", s.getUpn(), "kind", "core-group", "purpose", purpose, "firstMeetingOn", "09/12/2026");
        MeetingSeries cg = series.findByStudentIdOrderByOpenedAtDesc(s.getId()).stream().filter(x -> purpose.equals(x.getPurpose()))
                .findFirst().orElseThrow();
        String path = "/agency-meetings/" + cg.getReference();

        // the father may not be contacted: not offered, and refused when sent anyway; a bad row is named; nothing is sent
        String page = mvc.perform(get(path).session(dsl)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"" + jo + "\"").doesNotContain("value=\"" + lee + "\"");
        long outbox = jdbc.queryForObject("select count(*) from notification", Long.class);
        assertThat(refused(dsl, path + "/invitations", "time", "15:30", "place", "Room 4", "parents", lee.toString()))
                .contains("Parents and carers: choose from those listed.");
        assertThat(refused(dsl, path + "/invitations", "time", "25:61", "place", "Room 4", "invitee1Name", "Sam Worker",
                "invitee1Email", "not an address", "invitee2Email", "nurse@example.org"))
                .contains("Time must be a time like 15:30.", "Row 1: give an e-mail address like name@example.org.",
                        "Row 2: give the person&#39;s name.");
        assertThat(notices.findBySeriesIdOrderBySentAtAscIdAsc(cg.getId())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from notification", Long.class)).isEqualTo(outbox);

        sent(dsl, path + "/invitations", "time", "15:30", "place", "Room 4, main building", "parents", jo.toString(),
                "invitee1Name", "Sam Worker", "invitee1Agency", "Children's social care", "invitee1Email", "sam.worker@example.org");
        List<MeetingNotice> invited = notices.findBySeriesIdOrderBySentAtAscIdAsc(cg.getId());
        assertThat(invited).extracting(MeetingNotice::getToEmail).containsExactlyInAnyOrder("jo.example@example.org", "sam.worker@example.org");
        String initials = MeetingInvitations.initials(s);
        for (MeetingNotice n : invited) {
            // a safeguarding meeting's invitation: when, where, the child's initials; not its kind, the child's name, nor why it meets
            assertThat(n.getBody()).contains("Wednesday 9 December 2026 at 15:30", "Room 4, main building", "about " + initials,
                    "a multi-agency meeting").doesNotContain(s.getLegalSurname(), "core group", "Core group", purpose, cg.getReference());
            // the text sent is the text logged
            assertThat(receivedText(n.getToEmail(), n.getSubject())).isEqualTo(n.getBody());
        }
        assertThat(mvc.perform(get(path).session(dsl)).andReturn().getResponse().getContentAsString())
                .contains("Invitation to Sam Worker", "sam.worker@example.org");

        // moved to the following week: a reason is needed; the reminder follows; the invitees are told, without the reason
        assertThat(refused(dsl, path + "/rearrange", "movedTo", "2026-12-16")).contains("Why it moved is required");
        String why = "The social worker is in court that day " + System.nanoTime();
        sent(dsl, path + "/rearrange", "movedTo", "2026-12-16", "movedTime", "10:00", "movedWhy", why);
        Job reminder = management.createJobQuery().processInstanceId(cg.getProcessInstanceId()).activityId("Timer_NextMeeting").singleResult();
        assertThat(reminder.getDuedate()).isEqualTo(java.util.Date.from(LocalDateTime.of(2026, 12, 16, 16, 0).atZone(LONDON).toInstant()));
        assertThat(series.findById(cg.getId()).orElseThrow().getNextMeetingPlace()).isEqualTo("Room 4, main building");
        List<MeetingNotice> moved = notices.findBySeriesIdOrderBySentAtAscIdAsc(cg.getId()).stream()
                .filter(n -> n.getKind() == MeetingNotice.Kind.MOVED).toList();
        assertThat(moved).hasSize(2).allSatisfy(n -> {
            assertThat(n.getBody()).contains("planned for Wednesday 9 December 2026 at 15:30 has moved", "Now: Wednesday 16 December 2026 at 10:00")
                    .doesNotContain(why);
            assertThat(receivedText(n.getToEmail(), n.getSubject())).isEqualTo(n.getBody());
        });
        assertThat(entries(cg)).anyMatch(e -> e.getSummary().startsWith("Meeting of Wednesday 9 December 2026 moved")
                && e.getDetail().contains(why) && e.getConfidentiality() == Confidentiality.SAFEGUARDING);
        // a PSO learns nothing of it
        mvc.perform(post(path + "/rearrange").session(Web.signIn(mvc, "pso")).with(csrf()).param("movedTo", "2026-12-17")
                .param("movedWhy", "x")).andExpect(status().isNotFound());
    }

    static final Viewer DSL = new Viewer("dsl", "dsl", java.util.Set.of("staff", "dsl"));
    static final Viewer LEAD = new Viewer("lead", "lead", java.util.Set.of("staff", "pastoral-lead"));

    /** A dashboard's rows by their first cell, each row's numbers. */
    java.util.Map<String, List<Object>> rows(String dashboard, Viewer viewer) {
        java.util.Map<String, List<Object>> out = new java.util.HashMap<>();
        dashboards.table(dashboard, filters.read(java.util.Map.of()), viewer).rows().forEach(r -> out.put((String) r.get(0), r.subList(1, r.size())));
        return out;
    }

    static long delta(java.util.Map<String, List<Object>> before, java.util.Map<String, List<Object>> after, String row, int column) {
        return ((Number) after.get(row).get(column)).longValue() - (before.containsKey(row) ? ((Number) before.get(row).get(column)).longValue() : 0);
    }

    void recordWithActions(MockHttpSession dsl, MeetingSeries m, String agency) throws Exception {
        fire(m.getProcessInstanceId(), "Timer_NextMeeting");
        sent(dsl, "/tasks/" + task(m.getProcessInstanceId(), AgencyMeetingProcess.TASK_RECORD_MEETING).getId(), "heldOn", "30/11/2026",
                "invited", "Social worker", "attended", "Social worker", "minutes", "Plan reviewed",
                "action1", "Report to the next meeting", "action1Agency", agency, "action1Due", "01/12/2026",
                "action2", "Arrange a home visit", "action2Agency", agency, "action2Due", "14/12/2026",
                "nextStep", "next", "nextMeetingOn", "13/01/2027");
    }

    @Test
    void theMeetingDashboardsCountWhatTheViewerMayReadByKindAndByAgency() throws Exception {
        String agency = "Dashboard agency " + System.nanoTime();
        java.util.Map<String, List<Object>> kindsDsl = rows(AgencyMeetingDashboards.BY_KIND, DSL);
        java.util.Map<String, List<Object>> kindsLead = rows(AgencyMeetingDashboards.BY_KIND, LEAD);
        MockHttpSession dsl = Web.signIn(mvc, "dsl");
        // a PEP review (pastoral) and a core group (safeguarding), each held on Monday with two of the agency's actions, one overdue;
        // an Early Help review whose first meeting was yesterday, not recorded
        Student s = inYear(9, 31);
        MeetingSeries pep = open(dsl, s, "pep", "PASTORAL", "Dashboard PEP " + System.nanoTime());
        recordWithActions(dsl, pep, agency);
        String cgPurpose = "Dashboard core group " + System.nanoTime();
        sent(dsl, "/agency-meetings", "upn", s.getUpn(), "kind", "core-group", "purpose", cgPurpose, "firstMeetingOn", "02/12/2026");
        MeetingSeries cg = series.findByStudentIdOrderByOpenedAtDesc(s.getId()).stream().filter(x -> cgPurpose.equals(x.getPurpose()))
                .findFirst().orElseThrow();
        recordWithActions(dsl, cg, agency);
        sent(dsl, "/agency-meetings", "upn", s.getUpn(), "kind", "early-help", "confidentiality", "PASTORAL",
                "purpose", "Dashboard early help " + System.nanoTime(), "firstMeetingOn", "01/12/2026");

        // the DSL counts all three series; the Pastoral Lead the two pastoral ones, never the core group
        java.util.Map<String, List<Object>> afterDsl = rows(AgencyMeetingDashboards.BY_KIND, DSL);
        java.util.Map<String, List<Object>> afterLead = rows(AgencyMeetingDashboards.BY_KIND, LEAD);
        String pepName = "Personal Education Plan review", cgName = "Core group meeting", ehName = "Early Help / Team Around the Family review";
        assertThat(List.of(delta(kindsDsl, afterDsl, pepName, 0), delta(kindsDsl, afterDsl, pepName, 2), delta(kindsDsl, afterDsl, pepName, 3),
                delta(kindsDsl, afterDsl, cgName, 0), delta(kindsDsl, afterDsl, cgName, 2), delta(kindsDsl, afterDsl, cgName, 3),
                delta(kindsDsl, afterDsl, ehName, 1), delta(kindsDsl, afterDsl, "All kinds", 0)))
                .containsExactly(1L, 2L, 1L, 1L, 2L, 1L, 1L, 2L);
        assertThat(List.of(delta(kindsLead, afterLead, pepName, 0), delta(kindsLead, afterLead, pepName, 2),
                delta(kindsLead, afterLead, cgName, 0), delta(kindsLead, afterLead, cgName, 2), delta(kindsLead, afterLead, ehName, 1),
                delta(kindsLead, afterLead, "All kinds", 0), delta(kindsLead, afterLead, "All kinds", 2)))
                .containsExactly(1L, 2L, 0L, 0L, 1L, 1L, 2L);

        // by agency: the agency's own row is this test's alone
        assertThat(rows(AgencyMeetingDashboards.BY_OWNER, DSL).get(agency)).containsExactly(4L, 2L);
        assertThat(rows(AgencyMeetingDashboards.BY_OWNER, LEAD).get(agency)).containsExactly(2L, 1L);
    }
}
