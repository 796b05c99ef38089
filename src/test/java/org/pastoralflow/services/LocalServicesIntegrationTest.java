package org.pastoralflow.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralProcess;
import org.pastoralflow.referral.ReferralRepository;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The directory of local services on PostgreSQL: the Pastoral Lead adds one (a wrong age range named
 * beside its field, nothing written), a teacher finds it by words and by age and may not add one; a
 * PSO's triage signposts a concern to it (refused without a service), recorded on the referral and in
 * the chronology with the details a letter home would quote. The service is withdrawn at the end, so
 * other tests' triage is not asked for one.
 */
@PostgresIntegrationTest
class LocalServicesIntegrationTest {

    static final Viewer PSO = new Viewer("pso", "Pat", Set.of("staff", "pso"));

    @Autowired MockMvc mvc;
    @Autowired LocalServiceRepository services;
    @Autowired ReferralRepository referrals;
    @Autowired StudentRepository students;
    @Autowired TaskService tasks;
    @Autowired CaseStore caseStore;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theLeadKeepsTheDirectoryStaffSearchItAndTriageSignpostsToIt() throws Exception {
        String name = "Exampletown Sleep Clinic " + System.nanoTime();
        MockHttpSession lead = Web.signIn(mvc, "lead");
        long before = jdbc.queryForObject("select count(*) from local_service", Long.class);
        String refused = mvc.perform(post("/services").session(lead).with(csrf()).param("name", name).param("purpose", "Sleep worries")
                        .param("ageFrom", "16").param("ageTo", "11").param("howToRefer", "Phone").param("contact", "01632 960999"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"ageTo-error\"");
        assertThat(jdbc.queryForObject("select count(*) from local_service", Long.class)).isEqualTo(before);

        mvc.perform(post("/services").session(lead).with(csrf()).param("name", name).param("purpose", "Help with sleep worries")
                .param("ageFrom", "11").param("ageTo", "16").param("howToRefer", "Phone the clinic").param("contact", "01632 960999"))
                .andExpect(status().is3xxRedirection());
        LocalService service = services.findAll().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();

        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        assertThat(mvc.perform(get("/services").param("q", "sleep worries").param("age", "12").session(teacher))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains(name, "01632 960999");
        assertThat(mvc.perform(get("/services").param("q", "sleep worries").param("age", "18").session(teacher))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).doesNotContain(name);
        mvc.perform(post("/services").session(teacher).with(csrf()).param("name", "x")).andExpect(status().isForbidden());

        // a welfare concern goes to PSO triage, which signposts the family to the service
        Student s = students.findAll().stream().filter(x -> x.getYearGroup() == 9).findFirst().orElseThrow();
        String description = "Falls asleep in lessons most days " + System.nanoTime();
        mvc.perform(post("/referrals").session(teacher).with(csrf()).param("studentId", s.getId().toString()).param("category", "welfare")
                .param("description", description).param("childWords", "I can't sleep").param("occurredAt", "2026-11-20T09:15")
                .param("location", "Form room")).andExpect(status().is3xxRedirection());
        Referral r = referrals.findByRaisedByOrderByRaisedAtDesc("teacher").stream().filter(x -> x.getDescription().equals(description))
                .findFirst().orElseThrow();
        Task triage = tasks.createTaskQuery().processInstanceId(r.getProcessInstanceId()).taskDefinitionKey(ReferralProcess.TASK_PSO_TRIAGE)
                .singleResult();
        MockHttpSession pso = Web.signIn(mvc, "pso");
        assertThat(mvc.perform(get("/tasks/" + triage.getId()).session(pso)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains(name);
        assertThat(mvc.perform(post("/tasks/" + triage.getId()).session(pso).with(csrf()).param("decision", "signpost")
                .param("rationale", "Sleep only; the clinic fits")).andExpect(status().is(422)).andReturn().getResponse()
                .getContentAsString()).contains("id=\"service-error\"");
        mvc.perform(post("/tasks/" + triage.getId()).session(pso).with(csrf()).param("decision", "signpost")
                .param("rationale", "Sleep only; the clinic fits").param("service", service.getId().toString()))
                .andExpect(status().is3xxRedirection());

        assertThat(referrals.findById(r.getId()).orElseThrow().getSignpostedServiceId()).isEqualTo(service.getId());
        assertThat(caseStore.chronology(s.getId(), PSO, "test")).anySatisfy(e -> {
            assertThat(e.getSummary()).contains("Signposted to " + name, r.getReference());
            assertThat(e.getDetail()).contains("Phone the clinic", "01632 960999", "Ages 11 to 16");
        });

        mvc.perform(post("/services/" + service.getId()).session(lead).with(csrf()).param("name", name).param("purpose", "Help with sleep")
                .param("ageFrom", "11").param("ageTo", "16").param("howToRefer", "Phone the clinic").param("contact", "01632 960999")
                .param("withdrawn", "on")).andExpect(status().is3xxRedirection());
        assertThat(services.findById(service.getId()).orElseThrow().isActive()).isFalse();
    }
}
