package org.pastoralflow.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
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
 * The SEN register on PostgreSQL: the SENCO records a pupil's areas of need (a code the census does
 * not have, or the primary need again as the secondary, refused by field with nothing written), which
 * starts the SEN support reviews; who reads the pupil's SEN page; an EHCP recorded (a last review
 * before the plan refused) and one annual review walked through its task forms, each date in the
 * wrong order answered by its field, until the authority's decision opens next year's review.
 */
@PostgresIntegrationTest
class SendIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired StudentRepository students;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired Clock clock;

    /** A Year 10 pupil of this status with nothing on the register yet (other tests leave Year 10's SEN pupils alone). */
    Student pupil(Predicate<Student> which) {
        Set<Long> taken = Set.copyOf(jdbc.queryForList("select student_id from sen_register union select student_id from ehcp_plan", Long.class));
        return students.findAll().stream().filter(s -> s.getYearGroup() == 10).filter(which).filter(s -> !taken.contains(s.getId()))
                .sorted(Comparator.comparing(Student::getUpn)).findFirst().orElseThrow();
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

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void theSencoRecordsAreasOfNeedByCensusCodeAndTheSupportReviewsStart() throws Exception {
        Student s = pupil(p -> "K".equals(p.getSenStatus()));
        MockHttpSession senco = Web.signIn(mvc, "senco");
        String path = "/send/students/" + s.getId() + "/needs";

        assertThat(refused(senco, path, "primaryNeed", "DYSL", "whatHelps", "Instructions one at a time"))
                .contains("Primary area of need must be one of").contains("Instructions one at a time");
        assertThat(refused(senco, path, "primaryNeed", "SEMH", "secondaryNeed", "SEMH"))
                .contains("cannot be the primary one again");
        assertThat(count("select count(*) from sen_register where student_id = ?", s.getId())).as("nothing half-written").isZero();

        mvc.perform(form(senco, path, "primaryNeed", "SLCN", "secondaryNeed", "SEMH", "strengths", "Kind to younger pupils",
                "needs", "Long spoken instructions", "whatHelps", "Instructions written down, one at a time"))
                .andExpect(status().is3xxRedirection());
        String reference = jdbc.queryForObject("select reference from sen_register where student_id = ?", String.class, s.getId());
        assertThat(reference).startsWith("SN");
        assertThat(count("select count(*) from chronology_entry where student_id = ? and confidentiality = 'SEND' and summary like ?",
                s.getId(), "SEN register (" + reference + ")%")).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SupportReviewProcess.KEY).processInstanceBusinessKey(reference)
                .count()).as("the SEN support reviews run").isEqualTo(1);

        String page = mvc.perform(get("/send/students/" + s.getId()).session(senco)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Instructions written down, one at a time", "SLCN");
        assertThat(mvc.perform(get("/send").session(senco)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(s.displayName());

        // the Pastoral Lead reads SEND records; a PSO does not: the page is not there for them, nor the pupil on the register
        mvc.perform(get("/send/students/" + s.getId()).session(Web.signIn(mvc, "lead"))).andExpect(status().isOk());
        MockHttpSession pso = Web.signIn(mvc, "pso");
        mvc.perform(get("/send/students/" + s.getId()).session(pso)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/send").session(pso)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .doesNotContain(s.displayName());
        // only the SENCO writes
        mvc.perform(form(Web.signIn(mvc, "lead"), path, "primaryNeed", "MLD")).andExpect(status().isForbidden());
    }

    @Test
    void anEhcpIsRecordedAndItsAnnualReviewRefusesDatesInTheWrongOrderStepByStep() throws Exception {
        Student s = pupil(Student::isEhcp);
        MockHttpSession senco = Web.signIn(mvc, "senco");
        LocalDate today = LocalDate.now(clock);
        String path = "/send/students/" + s.getId() + "/ehcp";
        LocalDate planOn = today.minusMonths(23);

        assertThat(refused(senco, path, "localAuthority", "Northshire", "planOn", planOn.toString(),
                "lastReviewOn", planOn.minusDays(1).toString())).contains("must come after the date of the plan");
        assertThat(refused(senco, path, "localAuthority", "Northshire", "planOn", "31/02/2026"))
                .contains("Date of the plan must be a date like");
        assertThat(count("select count(*) from ehcp_plan where student_id = ?", s.getId())).isZero();

        mvc.perform(form(senco, path, "localAuthority", "Northshire", "planOn", planOn.toString(),
                "lastReviewOn", today.minusMonths(11).toString())).andExpect(status().is3xxRedirection());
        String reference = jdbc.queryForObject("select reference from ehcp_plan where student_id = ?", String.class, s.getId());
        String instance = jdbc.queryForObject("select process_instance_id from ehcp_plan where reference = ?", String.class, reference);
        assertThat(jdbc.queryForObject("select due_on from ehcp_review r join ehcp_plan p on p.id = r.ehcp_plan_id where p.reference = ?",
                LocalDate.class, reference)).as("12 months after the last review").isEqualTo(today.minusMonths(11).plusMonths(12));

        // due within ten weeks: the timer is already due; the job executor is off in tests
        management.executeJob(management.createJobQuery().processInstanceId(instance).activityId("Timer_TimeToArrange").singleResult().getId());
        String arrange = "/tasks/" + task(instance, EhcpReviewProcess.TASK_ARRANGE).getId();
        assertThat(refused(senco, arrange, "meetingOn", today.minusDays(1).toString())).contains("Date of the meeting must be after today");
        assertThat(refused(senco, arrange, "meetingOn", today.plusMonths(2).toString())).contains("say why");
        mvc.perform(form(senco, arrange, "meetingOn", today.plusDays(1).toString())).andExpect(status().is3xxRedirection());

        // the meeting moves three weeks on, with a reason: the invitations' and advice's task and timer follow it
        assertThat(mvc.perform(get("/send/students/" + s.getId()).session(senco)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Move the review meeting");
        String move = path + "/meeting";
        LocalDate moved = today.plusDays(21);
        assertThat(refused(senco, move, "meetingOn", moved.toString(), "reason", "")).contains("Why the meeting moved");
        assertThat(refused(senco, move, "meetingOn", today.toString(), "reason", "Parents away")).contains("must be after today");
        assertThat(refused(senco, move, "meetingOn", today.plusDays(1).toString(), "reason", "Parents away")).contains("already");
        mvc.perform(form(senco, move, "meetingOn", moved.toString(), "reason", "The educational psychologist cannot come"))
                .andExpect(status().is3xxRedirection());
        java.time.Instant invitationsBy = today.plusDays(7).atTime(17, 0).atZone(clock.getZone()).toInstant();
        assertThat(task(instance, EhcpReviewProcess.TASK_INVITE).getDueDate().toInstant()).isEqualTo(invitationsBy);
        assertThat(task(instance, EhcpReviewProcess.TASK_ADVICE).getDueDate().toInstant()).isEqualTo(invitationsBy);
        assertThat(management.createJobQuery().processInstanceId(instance).activityId("Timer_InvitationsLate").singleResult()
                .getDuedate().toInstant()).isEqualTo(invitationsBy);
        assertThat(jdbc.queryForObject("select meeting_on from ehcp_review r join ehcp_plan p on p.id = r.ehcp_plan_id "
                + "where p.reference = ? and r.closed_at is null", LocalDate.class, reference)).isEqualTo(moved);

        String invite = "/tasks/" + task(instance, EhcpReviewProcess.TASK_INVITE).getId();
        assertThat(refused(senco, invite, "sentOn", today.minusDays(20).toString(), "invited", "school,health"))
                .contains("The parents and the young person must be invited");
        assertThat(refused(senco, invite, "sentOn", today.plusDays(1).toString(), "invited", "parents,young-person"))
                .contains("cannot be in the future");
        mvc.perform(form(senco, invite, "sentOn", today.minusDays(20).toString(), "invited", "parents,young-person,school"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(form(senco, "/tasks/" + task(instance, EhcpReviewProcess.TASK_ADVICE).getId(), "circulatedOn",
                today.minusDays(19).toString(), "adviceFrom", "Educational psychologist; speech and language therapist"))
                .andExpect(status().is3xxRedirection());

        String meeting = "/tasks/" + task(instance, EhcpReviewProcess.TASK_MEETING).getId();
        String[] held = {"attended", "Parents, the young person, SENCO", "pupilViews", "Likes the quiet room at lunch",
                "parentViews", "Want the speech therapy to continue", "recommendation", "amend"};
        assertThat(refused(senco, meeting, concat(held, "heldOn", today.minusDays(25).toString())))
                .contains("The meeting cannot come before the invitations and the advice went out");
        mvc.perform(form(senco, meeting, concat(held, "heldOn", today.minusDays(2).toString()))).andExpect(status().is3xxRedirection());

        String report = "/tasks/" + task(instance, EhcpReviewProcess.TASK_REPORT).getId();
        assertThat(refused(senco, report, "sentOn", today.minusDays(3).toString())).contains("The report cannot go before the meeting");
        mvc.perform(form(senco, report, "sentOn", today.toString())).andExpect(status().is3xxRedirection());

        String decision = "/tasks/" + task(instance, EhcpReviewProcess.TASK_DECISION).getId();
        assertThat(refused(senco, decision, "laDecision", "abolish", "decidedOn", today.toString(), "notes", "x"))
                .contains("must be one of");
        mvc.perform(form(senco, decision, "laDecision", "amend", "decidedOn", today.toString(), "notes", "Amended plan to follow"))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForObject("select last_review_on from ehcp_plan where reference = ?", LocalDate.class, reference))
                .isEqualTo(today.minusDays(2));
        assertThat(jdbc.queryForList("select due_on from ehcp_review r join ehcp_plan p on p.id = r.ehcp_plan_id where p.reference = ? "
                + "and r.closed_at is null", LocalDate.class, reference)).as("next year's review").containsExactly(today.minusDays(2).plusMonths(12));
        assertThat(count("select count(*) from chronology_entry where student_id = ? and confidentiality = 'SEND' and summary like ?",
                s.getId(), "EHCP " + reference + "%")).as("plan, meeting set, moved, invitations, advice, meeting, report, decision").isEqualTo(8);
    }

    Task task(String instance, String key) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
