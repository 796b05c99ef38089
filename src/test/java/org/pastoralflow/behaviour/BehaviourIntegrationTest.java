package org.pastoralflow.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.investigation.Incident;
import org.pastoralflow.investigation.IncidentRepository;
import org.pastoralflow.investigation.IncidentStudentRepository;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.student.UpnTestSupport;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The quick log over HTTP on PostgreSQL: five students at once, a whole tutor group, bad input
 * answered field by field with nothing written, the weekly threshold raised once and decided, a
 * milestone's certificate and the celebration list, a log turned into an investigation, and a PSO
 * outside the student's year groups learning nothing. Each test logs on a day of its own in the
 * past, so the weeks and school years it counts are its own.
 */
@PostgresIntegrationTest
class BehaviourIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired StudentRepository students;
    @Autowired BehaviourLogRepository logs;
    @Autowired BehaviourFollowUpRepository followUps;
    @Autowired BehaviourMilestoneRepository milestones;
    @Autowired ChronologyRepository chronology;
    @Autowired IncidentRepository incidents;
    @Autowired IncidentStudentRepository involved;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    List<Student> year(int year, int skip, int count) {
        return students.findAll().stream().filter(s -> s.getYearGroup() == year)
                .sorted(java.util.Comparator.comparing(Student::getUpn)).skip(skip).limit(count).toList();
    }

    MockHttpServletRequestBuilder logRequest(MockHttpSession session, String category, String day, List<Student> who, String... more) {
        MockHttpServletRequestBuilder r = post("/behaviour").session(session).with(csrf())
                .param("category", category).param("place", "Science, period 3").param("occurredOn", day).param("occurredTime", "11:20");
        for (int i = 0; i < who.size(); i++) {
            r.param("upn-" + i, who.get(i).getUpn());
        }
        for (int i = 0; i < more.length; i += 2) {
            r.param(more[i], more[i + 1]);
        }
        return r;
    }

    String log(MockHttpSession session, String category, String day, List<Student> who, String... more) throws Exception {
        MvcResult result = mvc.perform(logRequest(session, category, day, who, more)).andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/behaviour/logs/");
        return location.substring("/behaviour/logs/".length());
    }

    long rows() {
        return logs.count();
    }

    @Test
    void aTeacherLogsForFiveStudentsAtOnceOneLineAndOneChronologyEntryEach() throws Exception {
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        List<Student> five = year(7, 0, 5);
        String batch = log(teacher, "disruption", "2024-01-09", five, "note", "Talking over the teacher");
        List<BehaviourLog> lines = logs.findByBatchOrderByIdAsc(batch);
        assertThat(lines).hasSize(5).allSatisfy(l -> {
            assertThat(l.getPoints()).isEqualTo(-1);
            assertThat(l.getPlace()).isEqualTo("Science, period 3");
            assertThat(l.getRecordedBy()).isEqualTo("teacher");
        });
        assertThat(lines.stream().map(BehaviourLog::getStudentId).toList())
                .containsExactlyInAnyOrderElementsOf(five.stream().map(Student::getId).toList());
        for (Student s : five) {
            assertThat(chronology.findByStudentIdOrderByOccurredAtAscIdAsc(s.getId()))
                    .filteredOn(e -> e.getKind() == EntryKind.BEHAVIOUR_LOG && e.getSummary().contains(batch))
                    .singleElement().satisfies(e -> {
                        assertThat(e.getSummary()).contains("Disruption to learning (\u22121)");
                        assertThat(e.getDetail()).isEqualTo("Talking over the teacher");
                    });
        }
        // the teacher sees what they logged again (that a teacher who did not log it sees nothing is the canary's test)
        String page = mvc.perform(get("/behaviour/logs/" + batch).session(teacher)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(five.get(0).displayName(), "Turn into an incident investigation");
    }

    @Test
    void aWholeTutorGroupIsLoggedWithOneTick() throws Exception {
        Student one = year(9, 3, 1).get(0);
        List<Student> group = students.findByRegGroupOrderByLegalSurnameAscLegalForenameAsc(one.getRegGroup());
        assertThat(group.size()).isGreaterThan(5);
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        String form = mvc.perform(get("/behaviour/new").param("group", one.getRegGroup()).session(teacher)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("The whole tutor group " + one.getRegGroup(), group.get(0).displayName());
        String batch = log(teacher, "homework", "2024-01-10", List.of(), "wholeGroup", one.getRegGroup());
        assertThat(logs.findByBatchOrderByIdAsc(batch)).hasSize(group.size()).allSatisfy(l -> assertThat(l.getPoints()).isEqualTo(1));
    }

    @Test
    void badInputIsAFieldErrorAndNothingIsWritten() throws Exception {
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        List<Student> two = year(7, 5, 2);
        long before = rows();
        long entries = chronology.count();
        Map<String, String[]> cases = Map.of(
                "points", new String[] {"category", "homework", "points", "-1"},
                "category", new String[] {"category", "no-such-category"},
                "upn-0", new String[] {"category", "homework", "upn-0", UpnTestSupport.valid("999999999999")},
                "occurredOn", new String[] {"category", "homework", "occurredOn", "2099-01-01"},
                "place", new String[] {"category", "homework", "place", ""},
                "students", new String[] {"category", "homework", "upn-0", "", "upn-1", ""});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("category", "homework", "place", "Science",
                    "occurredOn", "2024-01-11", "occurredTime", "11:20", "upn-0", two.get(0).getUpn(), "upn-1", two.get(1).getUpn()));
            for (int i = 0; i < c.getValue().length; i += 2) {
                fields.put(c.getValue()[i], c.getValue()[i + 1]);
            }
            MockHttpServletRequestBuilder r = post("/behaviour").session(teacher).with(csrf());
            fields.forEach((k, v) -> r.param(k, v));
            String page = mvc.perform(r).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
            assertThat(page).as(c.getKey()).contains("id=\"" + c.getKey() + "-error\"");
        }
        String wrongSign = mvc.perform(post("/behaviour").session(teacher).with(csrf()).param("category", "homework").param("points", "-1")
                        .param("place", "Science").param("upn-0", two.get(0).getUpn()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(wrongSign).contains("An achievement carries positive points only");
        assertThat(rows()).as("no line written").isEqualTo(before);
        assertThat(chronology.count()).as("no chronology entry written").isEqualTo(entries);
    }

    @Test
    void theWeeklyThresholdRaisesOneFollowUpForTheHeadOfYearAndTheDecisionLandsInTheChronology() throws Exception {
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        Student s = year(10, 7, 1).get(0);
        log(teacher, "defiance", "2024-02-05", List.of(s));           // 2 points: under
        assertThat(followUps.findByStudentIdOrderByRaisedAtDesc(s.getId())).isEmpty();
        log(teacher, "damage", "2024-02-07", List.of(s));             // 5 in the week: over
        log(teacher, "disruption", "2024-02-08", List.of(s));         // 6: over again, same week
        log(teacher, "disruption", "2024-02-12", List.of(s));         // the next week: 1
        List<BehaviourFollowUp> raised = followUps.findByStudentIdOrderByRaisedAtDesc(s.getId());
        assertThat(raised).singleElement().satisfies(f -> {
            assertThat(f.getWeekStart()).isEqualTo(java.time.LocalDate.of(2024, 2, 5));
            assertThat(f.getPoints()).isEqualTo(5);
        });
        BehaviourFollowUp f = raised.get(0);
        Task decide = tasks.createTaskQuery().processInstanceId(f.getProcessInstanceId()).singleResult();
        assertThat(decide.getTaskDefinitionKey()).isEqualTo("Task_DecideFollowUp");
        assertThat(tasks.getIdentityLinksForTask(decide.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("hoy"));

        MockHttpSession hoy = Web.signIn(mvc, "hoy");
        String form = mvc.perform(get("/tasks/" + decide.getId()).session(hoy)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("/report-cards/new?student=" + s.getId(), "Damage to property");
        mvc.perform(post("/tasks/" + decide.getId()).session(hoy).with(csrf()).param("decision", "pso-check-in")
                .param("rationale", "Second week of defiance; a check-in first")).andExpect(status().is3xxRedirection());
        assertThat(chronology.findByStudentIdOrderByOccurredAtAscIdAsc(s.getId()))
                .anySatisfy(e -> {
                    assertThat(e.getKind()).isEqualTo(EntryKind.DECISION);
                    assertThat(e.getSummary()).contains(f.getReference(), "PSO check-in");
                    assertThat(e.getDetail()).isEqualTo("Second week of defiance; a check-in first");
                });
        assertThat(followUps.findById(f.getId()).orElseThrow().getDecision()).isEqualTo("pso-check-in");
        Task checkIn = tasks.createTaskQuery().processInstanceId(f.getProcessInstanceId()).singleResult();
        assertThat(checkIn.getTaskDefinitionKey()).isEqualTo("Task_PsoCheckIn");
        MockHttpSession pso = Web.signIn(mvc, "pso");
        mvc.perform(post("/tasks/" + checkIn.getId()).session(pso).with(csrf()).param("checkedInOn", java.time.LocalDate.now().toString())
                .param("notes", "Agreed a fresh start")).andExpect(status().is3xxRedirection());
        assertThat(tasks.createTaskQuery().processInstanceId(f.getProcessInstanceId()).count()).isZero();
        assertThat(chronology.findByStudentIdOrderByOccurredAtAscIdAsc(s.getId()))
                .anySatisfy(e -> assertThat(e.getSummary()).contains("PSO check-in after behaviour follow-up " + f.getReference()));
    }

    @Test
    void fiftyAchievementPointsEarnACertificateOnceAndTheCelebrationListShowsIt() throws Exception {
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        Student s = year(11, 9, 1).get(0);
        for (int i = 0; i < 9; i++) {
            log(teacher, "community", "2023-11-0" + (i % 5 + 1), List.of(s));     // 45 points
        }
        assertThat(milestones.findByStudentIdOrderByReachedAtDesc(s.getId())).isEmpty();
        log(teacher, "community", "2023-11-08", List.of(s));                      // 50
        log(teacher, "effort", "2023-11-09", List.of(s));                         // 52: still one
        BehaviourMilestone m = milestones.findByStudentIdOrderByReachedAtDesc(s.getId()).stream().collect(Collectors.toList()).get(0);
        assertThat(milestones.findByStudentIdOrderByReachedAtDesc(s.getId())).hasSize(1);
        assertThat(m.getPoints()).isEqualTo(50);
        assertThat(m.getSchoolYearStart()).isEqualTo(java.time.LocalDate.of(2023, 9, 1));
        assertThat(chronology.findByStudentIdOrderByOccurredAtAscIdAsc(s.getId()))
                .anySatisfy(e -> assertThat(e.getSummary()).contains("Reached 50 achievement points"));

        MockHttpSession hoy = Web.signIn(mvc, "hoy");
        MvcResult pdf = mvc.perform(get("/behaviour/milestones/" + m.getId() + "/certificate.pdf").session(hoy))
                .andExpect(status().isOk()).andReturn();
        assertThat(pdf.getResponse().getContentType()).contains("pdf");
        try (var doc = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(s.displayName(), "50 achievement points", "Dear parent or carer");
        }
        String list = mvc.perform(get("/behaviour/celebration").param("since", "01/11/2023").session(hoy)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(s.displayName(), "Year " + s.getYearGroup());
        String csv = mvc.perform(get("/behaviour/celebration.csv").param("since", "2023-11-01").session(hoy)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Year group,Tutor group,UPN").contains(s.getUpn() + "," + s.getLegalSurname());
        mvc.perform(get("/behaviour/celebration").param("since", "not a date").session(hoy)).andExpect(status().isBadRequest());
    }

    @Test
    void aSeriousLogBecomesAnInvestigationWithOneClick() throws Exception {
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        List<Student> two = year(8, 11, 2);
        String batch = log(teacher, "fighting", "2024-03-04", two, "note", "Punches thrown by the lockers");
        mvc.perform(post("/behaviour/logs/" + batch + "/investigation").session(teacher).with(csrf()))
                .andExpect(status().is3xxRedirection());
        List<BehaviourLog> lines = logs.findByBatchOrderByIdAsc(batch);
        assertThat(lines).allSatisfy(l -> assertThat(l.getIncidentId()).isNotNull());
        Incident i = incidents.findById(lines.get(0).getIncidentId()).orElseThrow();
        assertThat(i.getLocation()).isEqualTo("Science, period 3");
        assertThat(i.getDescription()).contains("Fighting", batch, "Punches thrown by the lockers");
        assertThat(i.getTypeLabel()).isEqualTo("Fight");
        assertThat(i.getOccurredAt()).isEqualTo(java.time.LocalDateTime.of(2024, 3, 4, 11, 20)
                .atZone(java.time.ZoneId.of("Europe/London")).toInstant());
        assertThat(i.getLoggedBy()).isEqualTo("teacher");
        assertThat(i.getProcessInstanceId()).isNotNull();
        assertThat(involved.findAll().stream().filter(x -> x.getIncidentId().equals(i.getId())).map(x -> x.getStudentId()).toList())
                .containsExactlyInAnyOrderElementsOf(two.stream().map(Student::getId).toList());
        // once only
        mvc.perform(post("/behaviour/logs/" + batch + "/investigation").session(teacher).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void aPsoOutsideTheStudentsYearGroupsSeesNothingOfIt() throws Exception {
        String marker = "BEHAVIOURMARKER" + System.nanoTime();
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        Student s = year(8, 20, 1).get(0);
        String batch = log(teacher, "rudeness", "2024-03-11", List.of(s), "note", marker);
        MockHttpSession pso9 = Web.signIn(mvc, "pso9");
        for (String url : List.of("/behaviour/logs/" + batch, "/students/" + s.getId(), "/behaviour/celebration?since=2020-01-01",
                "/dashboards?year=8", "/dashboards/behaviour-tutor-group.csv", "/early-intervention", "/inbox")) {
            MvcResult r = mvc.perform(get(url).session(pso9)).andReturn();
            assertThat(r.getResponse().getStatus()).as(url).isLessThan(500);
            assertThat(r.getResponse().getContentAsString()).as(url).doesNotContain(marker).doesNotContain(batch);
        }
        assertThat(mvc.perform(get("/behaviour/logs/" + batch).session(pso9)).andReturn().getResponse().getStatus()).isEqualTo(404);
        // another member of staff who did not log it
        MockHttpSession head = Web.signIn(mvc, "head");
        assertThat(mvc.perform(get("/behaviour/logs/" + batch).session(head)).andReturn().getResponse().getContentAsString())
                .contains(marker);
        // the whole-school PSO reads it on the student page: the marker is really there to find
        MockHttpSession pso = Web.signIn(mvc, "pso");
        assertThat(mvc.perform(get("/students/" + s.getId()).session(pso)).andReturn().getResponse().getContentAsString())
                .contains(marker, "Behaviour and achievement");
    }
}
