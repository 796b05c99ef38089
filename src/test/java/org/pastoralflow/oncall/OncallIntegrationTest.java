package org.pastoralflow.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A teacher calls for help; PSOs race to claim it; the outcome joins the student's chronology. */
@PostgresIntegrationTest
class OncallIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OncallCallRepository calls;
    @Autowired DutyRotaRepository rota;
    @Autowired OncallDuty duty;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired CaseStore caseStore;

    @AfterEach
    void tidy() {
        ClockUtil.reset();
        rota.deleteAll();
    }

    OncallCall callFor(String room, String student) throws Exception {
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        var request = post("/oncall").session(teacher).with(csrf()).param("room", room).param("reason", "Refusing to leave, shouting");
        if (student != null) {
            request.param("student", student);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
        return calls.findAll().stream().filter(c -> c.getRoom().equals(room)).findFirst().orElseThrow();
    }

    @Test
    void twoPsosClaimTheSameCallAtOnceOneWinsTheOtherIsToldNoErrorPage() throws Exception {
        OncallCall call = callFor("S" + System.nanoTime() % 1000, null);
        MockHttpSession pso = Web.signIn(mvc, "pso");
        MockHttpSession dsl2 = Web.signIn(mvc, "dsl2");

        String board = mvc.perform(get("/oncall/calls.json").session(pso)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(board).contains(call.getReference(), call.getRoom());

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<MvcResult>> results = new ArrayList<>();
        for (MockHttpSession session : List.of(pso, dsl2)) {
            Callable<MvcResult> claim = () -> {
                start.await();
                return mvc.perform(post("/oncall/" + call.getReference() + "/claim").session(session).with(csrf())).andReturn();
            };
            results.add(pool.submit(claim));
        }
        start.countDown();
        List<String> redirects = new ArrayList<>();
        for (Future<MvcResult> r : results) {
            MvcResult result = r.get();
            assertThat(result.getResponse().getStatus()).isEqualTo(302);
            redirects.add(result.getResponse().getRedirectedUrl());
        }
        pool.shutdown();
        assertThat(redirects).filteredOn(u -> u.startsWith("/tasks/")).hasSize(1);
        assertThat(redirects).filteredOn(u -> u.equals("/oncall")).hasSize(1);

        OncallCall claimed = calls.findById(call.getId()).orElseThrow();
        assertThat(claimed.getClaimedBy()).isIn("pso", "dsl2");
        String json = mvc.perform(get("/oncall/calls.json").session(pso)).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"claimedBy\":\"" + claimed.getClaimedBy() + "\"")
                .contains("\"claimedByName\":\"" + (claimed.getClaimedBy().equals("pso") ? "Pat Officer" : "Dev Deputy")); // the board says who, by name
    }

    @Test
    void theOutcomeJoinsTheStudentsChronology() throws Exception {
        OncallCall call = callFor("L" + System.nanoTime() % 1000, "Kofi Kaur");
        assertThat(call.getStudentId()).isNotNull();
        MockHttpSession pso = Web.signIn(mvc, "pso");
        String taskUrl = mvc.perform(post("/oncall/" + call.getReference() + "/claim").session(pso).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(taskUrl).session(pso).with(csrf())).andExpect(status().is(422));
        mvc.perform(post(taskUrl).session(pso).with(csrf()).param("outcome", "learning-support-centre")
                .param("notes", "Calmed down in the LSC")).andExpect(status().is3xxRedirection());
        assertThat(calls.findById(call.getId()).orElseThrow().getClosedAt()).isNotNull();
        assertThat(caseStore.chronology(call.getStudentId(), new Viewer("pso", "Pat", java.util.Set.of("pso")), "test"))
                .anySatisfy(e -> assertThat(e.getSummary()).contains(call.getReference(), "Learning Support Centre"));
    }

    @Test
    void anUnclaimedCallIsOfferedToSltAfterFiveMinutes() throws Exception {
        OncallCall call = callFor("G" + System.nanoTime() % 1000, null);
        var timer = management.createJobQuery().processInstanceId(call.getProcessInstanceId()).activityId("Timer_Unclaimed").singleResult();
        management.executeJob(timer.getId());
        String taskId = tasks.createTaskQuery().processInstanceId(call.getProcessInstanceId()).singleResult().getId();
        assertThat(tasks.getIdentityLinksForTask(taskId)).extracting(IdentityLink::getGroupId).contains("slt");
        assertThat(calls.findById(call.getId()).orElseThrow().isEscalated()).isTrue();
        assertThat(mvc.perform(get("/inbox").session(Web.signIn(mvc, "head"))).andReturn().getResponse().getContentAsString())
                .contains(call.getReference());
    }

    @Test
    void theRotaDecidesWhoIsOnDutyAndEveryPsoWhenItIsEmpty() {
        assertThat(duty.onDutyNow()).contains("pso", "dsl2");
        rota.save(new DutySlot("dsl2", DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(12, 0)));
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 11, 23, 11, 30).atZone(java.time.ZoneId.of("Europe/London")).toInstant()));
        assertThat(duty.onDutyNow()).containsExactly("dsl2");
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 11, 23, 12, 30).atZone(java.time.ZoneId.of("Europe/London")).toInstant()));
        assertThat(duty.onDutyNow()).contains("pso", "dsl2");
    }

    @Test
    void anyoneCanCallButOnlyRespondersSeeTheBoard() throws Exception {
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        mvc.perform(get("/oncall/new").session(teacher)).andExpect(status().isOk());
        mvc.perform(get("/oncall").session(teacher)).andExpect(status().isForbidden());
        mvc.perform(get("/oncall/calls.json").session(teacher)).andExpect(status().isForbidden());
        mvc.perform(post("/oncall").session(teacher).with(csrf()).param("reason", "x")).andExpect(status().is(422));
        mvc.perform(get("/oncall/rota").session(Web.signIn(mvc, "pso"))).andExpect(status().isForbidden());
        mvc.perform(get("/oncall/rota").session(Web.signIn(mvc, "lead"))).andExpect(status().isOk());
    }
}
