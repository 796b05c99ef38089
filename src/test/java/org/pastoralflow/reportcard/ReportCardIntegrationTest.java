package org.pastoralflow.reportcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditRepository;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.TestMail;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Report cards through the pages on PostgreSQL, on a fixed school week (the engine's clock): a Head of
 * Year puts a student on report, a teacher scores a day, the weekly review shows the week's figures;
 * and bad input (too long, four targets, none, a lesson still to come, a day still to come, a student
 * outside the viewer's year groups) is a field error or a 404 with nothing written.
 */
@PostgresIntegrationTest
class ReportCardIntegrationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Wednesday 2 December 2026, 10:00: periods 1 (08:50) and 2 (09:50) have started, 3 (11:10) has not. */
    static final LocalDateTime WEDNESDAY_10AM = LocalDateTime.of(2026, 12, 2, 10, 0);

    @Autowired MockMvc mvc;
    @Autowired StudentRepository students;
    @Autowired ReportCardRepository cards;
    @Autowired ReportCardScoreRepository scores;
    @Autowired ReportCardReviewRepository reviews;
    @Autowired ChronologyRepository chronology;
    @Autowired AuditRepository audit;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

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
        return students.findAll().stream().filter(s -> s.getYearGroup() == year).sorted(java.util.Comparator.comparing(Student::getId))
                .skip(nth).findFirst().orElseThrow();
    }

    MockHttpServletRequestBuilder form(MockHttpSession session, String path, String... fields) {
        MockHttpServletRequestBuilder r = post(path).session(session).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            r.param(fields[i], fields[i + 1]);
        }
        return r;
    }

    String refused(MockHttpSession session, String path, String... fields) throws Exception {
        return mvc.perform(form(session, path, fields)).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
    }

    ReportCard start(MockHttpSession session, Student s, String target) throws Exception {
        mvc.perform(form(session, "/report-cards", "student", s.getId().toString(), "level", "head-of-year", "target1", target,
                "target2", "Bring equipment to every lesson", "startsOn", "2026-12-02", "schoolDays", "10", "reason", "Three removals this week"))
                .andExpect(status().is3xxRedirection());
        return cards.findByStudentIdOrderByStartedAtDesc(s.getId()).stream().filter(c -> c.targets().contains(target)).findFirst().orElseThrow();
    }

    @Test
    void aHeadOfYearPutsAStudentOnReportATeacherScoresTheDayAndTheWeeklyReviewShowsTheWeeksFigures() throws Exception {
        Student s = inYear(8, 0);
        MockHttpSession hoy = Web.signIn(mvc, "hoy"), teacher = Web.signIn(mvc, "teacher");
        String target = "Follow instructions first time " + System.nanoTime();

        String picked = mvc.perform(get("/report-cards/new").param("student", s.getId().toString()).session(hoy))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(picked).contains(s.displayName()).contains("value=\"10\"");
        ReportCard card = start(hoy, s, target);
        assertThat(card.getEndsOn()).as("10 school days from Wednesday 2 December").isEqualTo(java.time.LocalDate.of(2026, 12, 15));
        assertThat(card.getProcessInstanceId()).isNotNull();
        assertThat(entries(card)).anySatisfy(e -> assertThat(e.getSummary()).startsWith("On report (" + card.getReference() + "): Head of Year report"));

        // the teacher sees the student and the targets (the lesson view), never the reason
        String today = mvc.perform(get("/report-cards/today").session(teacher)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(today).contains(s.displayName()).contains(target).doesNotContain("Three removals");
        mvc.perform(get("/report-cards/" + card.getReference()).session(teacher)).andExpect(status().isForbidden());

        String path = "/report-cards/" + card.getReference() + "/scores";
        mvc.perform(form(teacher, path, "day", "2026-12-02", "p1-t1", "2", "p1-t2", "0", "p2-t1", "2", "p2-t2", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(scores.findByReportCardIdAndLessonDay(card.getId(), java.time.LocalDate.of(2026, 12, 2))).hasSize(4);
        // scored again: the score is replaced and the change audited
        long audited = audit.count();
        mvc.perform(form(teacher, path, "day", "2026-12-02", "p1-t2", "2")).andExpect(status().is3xxRedirection());
        assertThat(scores.findByReportCardIdAndLessonDay(card.getId(), java.time.LocalDate.of(2026, 12, 2)))
                .filteredOn(x -> x.getPeriod() == 1 && x.getTarget() == 2).singleElement().extracting(ReportCardScore::getScore).isEqualTo(2);
        assertThat(audit.count()).isEqualTo(audited + 1);

        // a lesson that has not happened yet (period 3 starts at 11:10), and a day still to come: field errors, nothing written
        assertThat(refused(teacher, path, "day", "2026-12-02", "p1-t1", "1", "p3-t1", "2")).contains("Period 3 has not happened yet");
        assertThat(refused(teacher, path, "day", "2026-12-03", "p1-t1", "2")).contains("That day has not happened yet");
        assertThat(refused(teacher, path, "day", "2026-12-02", "p1-t3", "2")).contains("The card has no period 1 target 3");
        assertThat(refused(teacher, path, "day", "2026-12-02", "p2-t1", "excellent")).contains("choose met, partly or not met");
        assertThat(scores.findByReportCardIdAndLessonDay(card.getId(), java.time.LocalDate.of(2026, 12, 2)))
                .filteredOn(x -> x.getPeriod() == 1 && x.getTarget() == 1).singleElement().extracting(ReportCardScore::getScore).isEqualTo(2);
        assertThat(scores.findByReportCardIdOrderByLessonDayAscPeriodAscTargetAsc(card.getId())).hasSize(4);

        // the end of the card's fifth school day (Wed, Thu, Fri, Mon, Tue): the weekly review, for the Heads of Year
        at(LocalDateTime.of(2026, 12, 8, 15, 31));
        management.executeJob(management.createJobQuery().processInstanceId(card.getProcessInstanceId())
                .activityId("Timer_WeeklyReview").singleResult().getId());
        Task review = tasks.createTaskQuery().processInstanceId(card.getProcessInstanceId())
                .taskDefinitionKey(ReportCardProcess.TASK_WEEKLY_REVIEW).singleResult();
        assertThat(tasks.getIdentityLinksForTask(review.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("hoy"));
        // five school days of five lessons; two lessons scored against both targets; three of four scores met
        String page = mvc.perform(get("/tasks/" + review.getId()).session(hoy)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("75 % of targets met (3 of 4 scores); 23 of 25 lessons unscored");

        assertThat(mvc.perform(form(hoy, "/tasks/" + review.getId(), "reportDecision", "extend", "extraDays", "25", "notes", "x"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString()).contains("at most 30 school days");
        mvc.perform(form(hoy, "/tasks/" + review.getId(), "reportDecision", "step-up", "notes", "Still removed from lessons"))
                .andExpect(status().is3xxRedirection());
        ReportCard after = cards.findById(card.getId()).orElseThrow();
        assertThat(after.getLevelCode()).isEqualTo("slt");
        assertThat(runtime.getVariable(card.getProcessInstanceId(), ReportCardProcess.REVIEWER_GROUP)).isEqualTo("slt");
        assertThat(reviews.findByReportCardIdOrderByReviewedAtAsc(card.getId())).singleElement().satisfies(r -> {
            assertThat(r.getPercentMet()).isEqualTo(75);
            assertThat(r.getLessonsUnscored()).isEqualTo(23);
            assertThat(r.getDecision()).isEqualTo("step-up");
        });
        assertThat(entries(card)).anySatisfy(e -> assertThat(e.getSummary()).contains("weekly review: Step up a level"))
                .anySatisfy(e -> assertThat(e.getSummary()).contains("now SLT report"))
                .allSatisfy(e -> assertThat(e.getKind()).isEqualTo(EntryKind.REPORT_CARD));

        // the end of the school day: the day's summary in the chronology, and the unscored lessons chased by e-mail to
        // the reviewers (now SLT), naming no child
        management.executeJob(management.createJobQuery().processInstanceId(card.getProcessInstanceId())
                .activityId("Timer_EndOfDay").singleResult().getId());
        assertThat(entries(card)).anySatisfy(e -> assertThat(e.getSummary()).contains("the day's summary, 2026-12-08"));
        java.util.List<jakarta.mail.internet.MimeMessage> chased = java.util.Arrays.stream(TestMail.received())
                .filter(m -> subject(m).equals("Report card " + card.getReference() + ": 5 lessons not scored today")).toList();
        assertThat(chased).singleElement().satisfies(m -> {
            assertThat(java.util.Arrays.toString(m.getAllRecipients())).contains("head");
            assertThat(subject(m) + m.getContent()).doesNotContain(s.displayName()).doesNotContain(s.getLegalSurname());
        });

        // the student page shows the current card; the printable card and the summary for home are PDFs
        String studentPage = mvc.perform(get("/students/" + s.getId()).session(hoy)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(studentPage).contains("Report card").contains(card.getReference()).contains(target);
        assertThat(mvc.perform(get("/report-cards/" + card.getReference() + "/card.pdf").session(teacher)).andExpect(status().isOk())
                .andReturn().getResponse().getContentType()).contains("pdf");
        mvc.perform(get("/report-cards/" + card.getReference() + "/summary.pdf").param("day", "2026-12-02").session(hoy))
                .andExpect(status().isOk());

        mvc.perform(form(hoy, "/report-cards/" + card.getReference() + "/cancel", "why", "Test over")).andExpect(status().is3xxRedirection());
        assertThat(cards.findById(card.getId()).orElseThrow().getOutcome()).isEqualTo(ReportCard.CANCELLED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(card.getProcessInstanceId()).count()).isZero();
    }

    static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<ChronologyEntry> entries(ReportCard card) {
        return chronology.findByStudentIdOrderByOccurredAtAscIdAsc(card.getStudentId()).stream()
                .filter(e -> ReportCardProcess.SOURCE_TYPE.equals(e.getSourceType()) && card.getId().equals(e.getSourceId())).toList();
    }

    @Test
    void badInputIsAFieldErrorAndNothingIsWritten() throws Exception {
        Student year8 = inYear(8, 1), year10 = inYear(10, 0);
        MockHttpSession hoy = Web.signIn(mvc, "hoy"), pso9 = Web.signIn(mvc, "pso9");
        long before = cards.count();
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey(ReportCardProcess.KEY).count();
        String id = year8.getId().toString();

        assertThat(refused(hoy, "/report-cards", "student", id, "level", "tutor", "target1", "Be kind", "startsOn", "2026-12-02",
                "schoolDays", "31")).contains("A report lasts at most 30 school days");
        assertThat(refused(hoy, "/report-cards", "student", id, "level", "tutor", "target1", "a", "target2", "b", "target3", "c",
                "target4", "d", "startsOn", "2026-12-02", "schoolDays", "10")).contains("at most 3 targets");
        assertThat(refused(hoy, "/report-cards", "student", id, "level", "tutor", "startsOn", "2026-12-02", "schoolDays", "10"))
                .contains("Give at least one target");
        assertThat(refused(hoy, "/report-cards", "student", id, "level", "principal", "target1", "a", "startsOn", "2026-12-01",
                "schoolDays", "10")).contains("Level must be one of").contains("The first day cannot be in the past");
        assertThat(refused(hoy, "/report-cards", "student", id, "level", "tutor", "target1", "a", "startsOn", "2026-12-05",
                "schoolDays", "10")).contains("The first day must be a school day");
        assertThat(refused(hoy, "/report-cards", "student", id, "level", "tutor", "target1", "a", "startsOn", "2026-12-02",
                "schoolDays", "10", "reviewer", "teacher")).contains("Name someone who may read");
        // a Year 9 PSO and a Year 10 student: the same answer as for no student at all
        mvc.perform(get("/report-cards/new").param("student", year10.getId().toString()).session(pso9)).andExpect(status().isNotFound());
        assertThat(refused(pso9, "/report-cards", "student", year10.getId().toString(), "level", "tutor", "target1", "a",
                "startsOn", "2026-12-02", "schoolDays", "10")).contains("Choose a student you work with");
        assertThat(cards.count()).isEqualTo(before);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ReportCardProcess.KEY).count()).isEqualTo(instances);

        // nor may that PSO see or score a Year 10 student's card; a teacher may score it
        ReportCard card = start(hoy, year10, "Stay in lessons " + System.nanoTime());
        mvc.perform(form(pso9, "/report-cards/" + card.getReference() + "/scores", "day", "2026-12-02", "p1-t1", "2"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/report-cards/" + card.getReference()).session(pso9)).andExpect(status().isNotFound());
        mvc.perform(get("/report-cards/" + card.getReference() + "/card.pdf").session(pso9)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/report-cards/today").session(pso9)).andReturn().getResponse().getContentAsString())
                .doesNotContain(year10.displayName());
        assertThat(scores.findByReportCardIdOrderByLessonDayAscPeriodAscTargetAsc(card.getId())).isEmpty();
        mvc.perform(form(hoy, "/report-cards/" + card.getReference() + "/cancel", "why", "Test over")).andExpect(status().is3xxRedirection());
    }
}
