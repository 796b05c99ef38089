package org.pastoralflow.suspension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.investigation.Investigations;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.pastoralflow.workflow.TermDates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Suspensions on PostgreSQL: the parent notice (its form and its PDF), and the one count of suspension days. */
@PostgresIntegrationTest
class SuspensionIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired StudentRepository students;
    @Autowired SuspensionRepository suspensions;
    @Autowired Suspensions service;
    @Autowired SuspensionDays days;
    @Autowired Investigations investigations;
    @Autowired ChronologyRepository chronology;
    @Autowired TaskService tasks;
    @Autowired TermDates termDates;
    @Autowired org.pastoralflow.reporting.Dashboards dashboards;
    @Autowired org.pastoralflow.reporting.Filters filters;

    static String today() {
        return LocalDate.now(ZoneId.of("Europe/London")).toString();
    }

    /** A pupil not looked after with no suspension yet, different on each call. */
    Student pupil(int offset) {
        return students.findAll(PageRequest.of(40 + offset + (int) (System.nanoTime() % 200), 1)).stream()
                .filter(s -> !s.isInCare() && suspensions.findByStudentIdOrderByStartsOnDesc(s.getId()).isEmpty())
                .findFirst().orElseGet(() -> pupil(offset + 7));
    }

    Task open(Suspension s, String key) {
        return tasks.createTaskQuery().processInstanceId(s.getProcessInstanceId()).taskDefinitionKey(key).singleResult();
    }

    String send(MockHttpSession session, Task t, int expected, String... params) throws Exception {
        var r = post("/tasks/" + t.getId()).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            r.param(params[i], params[i + 1]);
        }
        return mvc.perform(r).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    LocalDate saturday() {
        LocalDate d = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
        while (d.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    @Test
    void badInputOnTheNoticeIsRefusedFieldByFieldAndWritesNothingThenTheLetterSaysWhatTheLawAsks() throws Exception {
        Student a = pupil(0);
        String reasons = "Fight at lunch, Dining hall. Marker " + System.nanoTime();
        Suspension s = service.startFromIncident(null, null, Confidentiality.PASTORAL, a.getId(), 7, reasons, "head");
        MockHttpSession pso = Web.signIn(mvc, "pso");
        Task notice = open(s, SuspensionProcess.TASK_PARENT_NOTICE);
        long entries = chronology.count();

        String refused = send(pso, notice, 422, "startsOn", saturday().toString(), "returnTime", "25:99",
                "missesPublicExam", "maybe", "method", "letter-by-post", "sentOn", LocalDate.now(ZoneId.of("Europe/London")).plusDays(3).toString());
        assertThat(refused).contains("First day of the suspension must be a school day")
                .contains("must be a time like").contains("Say what education is arranged from the sixth school day")
                .contains("The date cannot be in the future");
        assertThat(suspensions.findById(s.getId()).orElseThrow().getNoticeSentAt()).isNull();
        assertThat(chronology.count()).isEqualTo(entries);
        assertThat(open(s, SuspensionProcess.TASK_PARENT_NOTICE).getId()).isEqualTo(notice.getId());

        LocalDate first = termDates.calendar().addSchoolDays(LocalDate.now(ZoneId.of("Europe/London")), 1);
        send(pso, notice, 302, "startsOn", first.toString(), "returnTime", "09:15", "missesPublicExam", "no",
                "education", "The local authority's pupil referral unit, Oak Lane, from the sixth day", "method", "letter-by-hand",
                "sentOn", today());
        s = suspensions.findById(s.getId()).orElseThrow();
        assertThat(s.getReturnOn()).isEqualTo(termDates.calendar().addSchoolDays(first, 7));
        assertThat(open(s, SuspensionProcess.TASK_LOCAL_AUTHORITY)).isNotNull();
        // 7 days in a term: past 5, so the governing board is told; not past 15
        assertThat(open(s, SuspensionProcess.TASK_GOVERNORS)).isNotNull();
        assertThat(open(s, SuspensionProcess.TASK_REINSTATEMENT)).isNull();

        byte[] pdf = mvc.perform(get("/suspensions/" + s.getReference() + "/notice.pdf").session(pso)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains(a.displayName()).contains("7 school days").contains(reasons)
                .contains("at 09:15").contains("representations").contains("governing board")
                .contains("sixth school day").contains("Oak Lane").contains(s.getReference());
        mvc.perform(get("/suspensions/" + s.getReference() + "/notice.pdf").session(Web.signIn(mvc, "teacher")))
                .andExpect(status().isForbidden());
    }

    @Test
    void daysAreCountedAcrossEverySuspensionOfThePupilAndThe15DayDutyFollows() throws Exception {
        Student b = pupil(3);
        LocalDate first = termDates.calendar().addSchoolDays(LocalDate.now(ZoneId.of("Europe/London")), 1);
        Suspension one = service.startFromIncident(null, null, Confidentiality.PASTORAL, b.getId(), 3, "First", "head");
        Suspension two = service.startFromIncident(null, null, Confidentiality.PASTORAL, b.getId(), 4, "Second", "head");
        assertThat(days.inTermOf(b.getId(), first)).isEqualTo(7);
        assertThat(investigations.suspensionDaysThisYear(b.getId(), null)).isEqualTo(7);

        Suspension three = service.startFromIncident(null, null, Confidentiality.PASTORAL, b.getId(), 9, "Third", "head");
        assertThat(days.inTermOf(b.getId(), first)).isEqualTo(16);
        MockHttpSession hoy = Web.signIn(mvc, "hoy");
        send(hoy, open(three, SuspensionProcess.TASK_PARENT_NOTICE), 302, "startsOn", first.toString(), "returnTime", "08:40",
                "missesPublicExam", "no", "education", "Alternative provision at the Beacon centre", "method", "letter-and-call",
                "sentOn", today());
        assertThat(open(three, SuspensionProcess.TASK_REINSTATEMENT)).isNotNull();
        assertThat(open(three, SuspensionProcess.TASK_GOVERNORS)).isNotNull();
        assertThat(List.of(one, two)).allSatisfy(s -> assertThat(s.getDays()).isPositive());
    }

    /** The dashboard's rows by their first cell. */
    static java.util.Map<String, List<Object>> rows(org.pastoralflow.reporting.Table t) {
        java.util.Map<String, List<Object>> byGroup = new java.util.HashMap<>();
        t.rows().forEach(r -> byGroup.put(r.get(0).toString(), r));
        return byGroup;
    }

    static List<Long> delta(java.util.Map<String, List<Object>> before, java.util.Map<String, List<Object>> after, String group) {
        List<Object> b = before.getOrDefault(group, List.of(group, 0L, 0L, 0L));
        List<Object> a = after.getOrDefault(group, List.of(group, 0L, 0L, 0L));
        return java.util.stream.IntStream.range(1, 4).mapToObj(i -> ((Number) a.get(i)).longValue() - ((Number) b.get(i)).longValue())
                .toList();
    }

    @Test
    void theDashboardCountsSuspensionsTheirDaysAndPupilsByGroupOfThoseTheViewerMayRead() {
        Student sen = students.findAll().stream().filter(s -> s.getYearGroup() == 10 && !"N".equals(s.getSenStatus()) && !s.isInCare()
                && suspensions.findByStudentIdOrderByStartsOnDesc(s.getId()).isEmpty()).findFirst().orElseThrow();
        Student plain = students.findAll().stream().filter(s -> s.getYearGroup() == 10 && "N".equals(s.getSenStatus()) && !s.isFsm()
                && !s.isInCare() && suspensions.findByStudentIdOrderByStartsOnDesc(s.getId()).isEmpty()).findFirst().orElseThrow();
        LocalDate startsOn = termDates.calendar().addSchoolDays(LocalDate.now(ZoneId.of("Europe/London")), 1);
        var term = termDates.terms().stream().filter(t -> !t.getStartsOn().isAfter(startsOn) && !t.getEndsOn().isBefore(startsOn))
                .findFirst().orElseThrow();
        var year10 = filters.forTerm(term, 10);
        var lead = new org.pastoralflow.security.Viewer("lead", "Lee", java.util.Set.of("staff", "pastoral-lead"));
        var dsl = new org.pastoralflow.security.Viewer("dsl", "Dee", java.util.Set.of("staff", "dsl"));
        var leadBefore = rows(dashboards.table(org.pastoralflow.reporting.SuspensionDashboard.NAME, year10, lead));
        var dslBefore = rows(dashboards.table(org.pastoralflow.reporting.SuspensionDashboard.NAME, year10, dsl));

        service.startFromIncident(null, null, Confidentiality.PASTORAL, sen.getId(), 2, "Persistent disruption", "head");
        service.startFromIncident(null, null, Confidentiality.PASTORAL, sen.getId(), 3, "Assault on a pupil", "head");
        service.startFromIncident(null, null, Confidentiality.PASTORAL, plain.getId(), 1, "Damage", "head");
        // after a safeguarding incident: the DSL counts it, the Pastoral Lead does not
        service.startFromIncident(null, null, Confidentiality.SAFEGUARDING, plain.getId(), 5, "Harmful sexual behaviour", "head");

        var leadAfter = rows(dashboards.table(org.pastoralflow.reporting.SuspensionDashboard.NAME, year10, lead));
        assertThat(delta(leadBefore, leadAfter, "Year 10")).containsExactly(3L, 6L, 2L);
        assertThat(delta(leadBefore, leadAfter, "SEN support or EHCP (K or E)")).containsExactly(2L, 5L, 1L);
        assertThat(delta(leadBefore, leadAfter, "No SEN")).containsExactly(1L, 1L, 1L);
        List<Long> fsm = delta(leadBefore, leadAfter, "Free school meals");
        List<Long> notFsm = delta(leadBefore, leadAfter, "Not FSM");
        assertThat(java.util.stream.IntStream.range(0, 3).mapToObj(i -> fsm.get(i) + notFsm.get(i)).toList()).containsExactly(3L, 6L, 2L);
        assertThat(notFsm.get(2)).isPositive(); // the pupil without SEN has no FSM
        assertThat(delta(leadBefore, leadAfter, "Looked after")).containsExactly(0L, 0L, 0L);
        assertThat(delta(leadBefore, leadAfter, "All students")).containsExactly(3L, 6L, 2L);
        var dslAfter = rows(dashboards.table(org.pastoralflow.reporting.SuspensionDashboard.NAME, year10, dsl));
        assertThat(delta(dslBefore, dslAfter, "All students")).containsExactly(4L, 11L, 2L);
        assertThat(delta(dslBefore, dslAfter, "No SEN")).containsExactly(2L, 6L, 1L);
        assertThat(leadAfter).doesNotContainKey("Year 9");
    }
}
