package org.pastoralflow.homevisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Home visits on PostgreSQL: planned by a PSO and started in the engine; each refusal named beside
 * its field with nothing written (two staff for a flagged family, a return before leaving, a
 * safeguarding visit by a non-DSL); overdue: the e-mail names no child, the on-call board shows the
 * visitors and their phone, and the address only to those who may read the visit; the check-in
 * ends the workflow and joins the chronology as a contact with home. Year 10 students with no visit.
 */
@PostgresIntegrationTest
class HomeVisitIntegrationTest {

    static final Viewer PSO = new Viewer("pso", "Pat", Set.of("staff", "pso"));

    @Autowired MockMvc mvc;
    @Autowired HomeVisitRepository visits;
    @Autowired HomeVisitSteps steps;
    @Autowired StudentRepository students;
    @Autowired CaseStore caseStore;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    Student year10() {
        Set<Long> visited = Set.copyOf(jdbc.queryForList("select distinct student_id from home_visit", Long.class));
        return students.findAll().stream().filter(s -> s.getYearGroup() == 10 && !s.isCpPlan()).filter(s -> !visited.contains(s.getId()))
                .sorted(Comparator.comparing(Student::getUpn).reversed()).findFirst().orElseThrow();
    }

    /** Leaving in a minute, back within the hour (before midnight): valid at any hour the test runs. */
    static Map<String, String> valid(Student s, String marker) {
        LocalDateTime now = JustNow.at();
        LocalTime leaves = now.toLocalTime().isBefore(LocalTime.of(23, 0)) ? now.toLocalTime().plusMinutes(1) : now.toLocalTime();
        LocalTime back = leaves.isBefore(LocalTime.of(22, 58)) ? leaves.plusHours(1) : LocalTime.of(23, 59);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("upn", s.getUpn());
        form.put("address", "12 Example Road " + marker + ", Exampletown EX1 2AB");
        form.put("purpose", "Attendance: meet mum at home " + marker);
        form.put("day", now.toLocalDate().toString());
        form.put("leaves", leaves.toString());
        form.put("back", back.toString());
        form.put("leadVisitor", "pso");
        form.put("visitorPhone", "07700 900123");
        return form;
    }

    String plan(MockHttpSession session, Map<String, String> form, int expected) throws Exception {
        MockHttpServletRequestBuilder request = post("/home-visits").session(session).with(csrf());
        form.forEach(request::param);
        return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    HomeVisit planned(String marker) {
        return visits.findAll().stream().filter(v -> v.getPurpose().contains(marker)).findFirst().orElseThrow();
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void aPsoPlansAVisitChecksInFromTheTaskAndTheOutcomeJoinsTheChronology() throws Exception {
        Student s = year10();
        String marker = "M" + System.nanoTime();
        MockHttpSession pso = Web.signIn(mvc, "pso");
        plan(pso, valid(s, marker), 302);

        HomeVisit v = planned(marker);
        assertThat(v.getStudentId()).isEqualTo(s.getId());
        assertThat(v.getPlannedBy()).isEqualTo("pso");
        assertThat(v.isFamilyFlagged()).isFalse();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(v.getProcessInstanceId()).count()).isEqualTo(1);
        Task checkIn = tasks.createTaskQuery().processInstanceId(v.getProcessInstanceId()).singleResult();
        assertThat(checkIn.getAssignee()).isEqualTo("pso");
        assertThat(checkIn.getTaskDefinitionKey()).isEqualTo(HomeVisitProcess.TASK_CHECK_IN);
        assertThat(mvc.perform(get("/home-visits/" + v.getReference()).session(pso)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains(marker, "/tasks/" + checkIn.getId());
        // a teacher has no home visits pages; a Year 9 PSO does not read a Year 10 visit
        mvc.perform(get("/home-visits/" + v.getReference()).session(Web.signIn(mvc, "teacher"))).andExpect(status().isForbidden());

        mvc.perform(post("/tasks/" + checkIn.getId()).session(pso).with(csrf()).param("outcome", "seen")
                .param("note", "Mum will ring the office tomorrow " + marker)).andExpect(status().is3xxRedirection());
        HomeVisit back = visits.findById(v.getId()).orElseThrow();
        assertThat(back.getCheckedInBy()).isEqualTo("pso");
        assertThat(back.getOutcome()).isEqualTo("seen");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(v.getProcessInstanceId()).count()).isZero();
        assertThat(caseStore.chronology(s.getId(), PSO, "test")).anySatisfy(e -> {
            assertThat(e.getKind()).isEqualTo(EntryKind.CONTACT_HOME);
            assertThat(e.getSummary()).contains(v.getReference(), "family seen");
            assertThat(e.getDetail()).contains(marker);
        });
    }

    @Test
    void eachRefusalNamesItsFieldAndWritesNothing() throws Exception {
        Student s = year10();
        MockHttpSession pso = Web.signIn(mvc, "pso");
        long before = count("home_visit");

        Map<String, String> flagged = valid(s, "x");
        flagged.put("familyFlagged", "on");
        assertThat(plan(pso, flagged, 422)).contains("id=\"secondVisitor-error\"", "Two staff go");

        Map<String, String> sameTwice = valid(s, "x");
        sameTwice.put("secondVisitor", "pso");
        assertThat(plan(pso, sameTwice, 422)).contains("id=\"secondVisitor-error\"");

        Map<String, String> backFirst = valid(s, "x");
        backFirst.put("back", LocalTime.parse(backFirst.get("leaves")).minusMinutes(1).toString());
        assertThat(plan(pso, backFirst, 422)).contains("id=\"back-error\"");

        Map<String, String> safeguarding = valid(s, "x");
        safeguarding.put("safeguarding", "on");
        assertThat(plan(pso, safeguarding, 422)).contains("id=\"safeguarding-error\"", "Only a DSL");

        Map<String, String> noPhone = valid(s, "x");
        noPhone.put("visitorPhone", "call me");
        assertThat(plan(pso, noPhone, 422)).contains("id=\"visitorPhone-error\"");

        assertThat(count("home_visit")).isEqualTo(before);
    }

    @Test
    void nobodyCheckedInTheOnCallPersonIsAlertedAndTheBoardShowsTheAddressOnlyToThoseWhoMayReadIt() throws Exception {
        Student s = year10();
        String marker = "S" + System.nanoTime();
        Map<String, String> form = valid(s, marker);
        form.put("leadVisitor", "dsl");
        form.put("secondVisitor", "dsl2");
        form.put("safeguarding", "on");
        form.put("familyFlagged", "on");
        plan(Web.signIn(mvc, "dsl"), form, 302);
        HomeVisit v = planned(marker);
        assertThat(v.getConfidentiality().name()).isEqualTo("SAFEGUARDING");
        long mails = count("notification");

        assertThat(steps.alertOverdue(v.getId())).isTrue();
        assertThat(count("notification")).isEqualTo(mails + 1);
        String mail = jdbc.queryForObject("select subject || ' ' || body from notification order by id desc limit 1", String.class);
        // a safeguarding visit: not even its reference, which would tell the PSOs on duty that a DSL record exists
        assertThat(mail).contains("nobody has checked in", "07700 900123").doesNotContain(v.getReference(), marker, s.getLegalSurname(), s.getPreferredForename() == null ? s.getLegalSurname() : s.getPreferredForename());

        String psoBoard = mvc.perform(get("/oncall").session(Web.signIn(mvc, "pso"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(psoBoard).contains("A home visit: nobody has checked in", "07700 900123")
                .doesNotContain(v.getReference(), marker, s.getLegalSurname());
        String dslBoard = mvc.perform(get("/oncall").session(Web.signIn(mvc, "dsl"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(dslBoard).contains(v.getReference(), marker);

        assertThat(steps.alertAgain(v.getId())).isTrue();
        assertThat(visits.findById(v.getId()).orElseThrow().getEscalatedAt()).isNotNull();
        mvc.perform(get("/home-visits/" + v.getReference()).session(Web.signIn(mvc, "pso"))).andExpect(status().isNotFound());
    }
}
