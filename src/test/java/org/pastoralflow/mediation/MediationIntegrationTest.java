package org.pastoralflow.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** A mediation started by a PSO and run to resolution through the pages, on PostgreSQL. */
@PostgresIntegrationTest
class MediationIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired StudentRepository students;
    @Autowired MediationRepository mediations;
    @Autowired ChronologyRepository chronology;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    String today() {
        return LocalDate.now(ZoneId.of("Europe/London")).toString();
    }

    List<Task> open(Mediation m, String key) {
        return tasks.createTaskQuery().processInstanceId(m.getProcessInstanceId()).taskDefinitionKey(key).list();
    }

    void complete(MockHttpSession session, Task t, String... params) throws Exception {
        var r = post("/tasks/" + t.getId()).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            r.param(params[i], params[i + 1]);
        }
        mvc.perform(r).andExpect(status().is3xxRedirection());
    }

    @Test
    void aPsoStartsAMediationAndRunsItToResolution() throws Exception {
        Student a = students.findByUpn("E873400123023").orElseThrow(), b = students.findByUpn("U873400122023").orElseThrow();
        MockHttpSession pso = Web.signIn(mvc, "pso");
        String reason = "Falling out in the form group " + System.nanoTime();

        String one = mvc.perform(post("/mediations").session(pso).with(csrf()).param("upn-0", a.getUpn()).param("reason", reason))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(one).contains("A mediation needs at least two students").contains(reason);
        long before = mediations.count();
        mvc.perform(post("/mediations").session(pso).with(csrf()).param("upn-0", a.getUpn()).param("upn-1", b.getUpn())
                .param("reason", reason)).andExpect(status().is3xxRedirection());
        assertThat(mediations.count()).isEqualTo(before + 1);
        Mediation m = mediations.findAll().stream().filter(x -> x.getReason().equals(reason)).findFirst().orElseThrow();

        Task suitability = open(m, MediationProcess.TASK_SUITABILITY).get(0);
        String refused = mvc.perform(post("/tasks/" + suitability.getId()).session(pso).with(csrf()).param("powerImbalance", "yes")
                .param("safeguardingConcern", "no").param("suitable", "yes").param("notes", "x"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("not suitable where there is a power imbalance");
        complete(pso, suitability, "powerImbalance", "no", "safeguardingConcern", "no", "suitable", "yes", "notes", "Same form, a one-off");
        for (Task t : open(m, MediationProcess.TASK_CONSENT)) {
            complete(pso, t, "consent", "given", "askedOn", today(), "notes", "Willing");
        }
        for (Task t : open(m, MediationProcess.TASK_PRE_MEETING)) {
            complete(pso, t, "on", today(), "account", "Words were said", "feelings", "Wants to move on");
        }
        complete(pso, open(m, MediationProcess.TASK_MEETING).get(0), "meetingOn", today(), "attendees", "Both and the PSO",
                "whatHappened", "Name calling", "whoAffected", "Both", "repair", "Apologise", "actions", "Check in weekly");
        // 10 school days later: the timer is due; the test runs it as the job executor would
        var timer = management.createJobQuery().processInstanceId(m.getProcessInstanceId()).activityId("Timer_FollowUpDue").singleResult();
        assertThat(timer.getDuedate()).isAfter(new java.util.Date());
        management.executeJob(timer.getId());
        for (Task t : open(m, MediationProcess.TASK_CHECK_IN)) {
            complete(pso, t, "on", today(), "actionsKept", "yes", "notes", "Fine now");
        }
        complete(pso, open(m, MediationProcess.TASK_REVIEW).get(0), "mediationDecision", "resolved", "rationale", "Agreement kept");

        m = mediations.findById(m.getId()).orElseThrow();
        assertThat(m.getOutcome()).isEqualTo(Mediation.RESOLVED);
        assertThat(m.getAgreedActions()).isEqualTo("Check in weekly");
        Long mediationId = m.getId();
        for (Student s : List.of(a, b)) {
            List<String> summaries = chronology.findAll().stream()
                    .filter(e -> e.getStudentId().equals(s.getId()) && "mediation".equals(e.getSourceType()) && mediationId.equals(e.getSourceId()))
                    .map(ChronologyEntry::getSummary).toList();
            assertThat(summaries).anySatisfy(x -> assertThat(x).contains("consent given by " + s.displayName()))
                    .anySatisfy(x -> assertThat(x).contains("pre-meeting with " + s.displayName()))
                    .anySatisfy(x -> assertThat(x).startsWith("Restorative meeting"))
                    .anySatisfy(x -> assertThat(x).contains("check-in").contains(s.displayName()))
                    .anySatisfy(x -> assertThat(x).contains("Resolved"));
        }
        String page = mvc.perform(get("/mediations/" + m.getReference()).session(pso)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Resolved").contains("Check in weekly");
        mvc.perform(get("/mediations/" + m.getReference()).session(Web.signIn(mvc, "teacher"))).andExpect(status().isForbidden());
    }
}
