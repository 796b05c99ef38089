package org.pastoralflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.investigation.Incident;
import org.pastoralflow.investigation.IncidentRepository;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralRepository;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.student.UpnTestSupport;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.pastoralflow.transition.Leaver;
import org.pastoralflow.transition.LeaverProcess;
import org.pastoralflow.transition.LeaverRepository;
import org.pastoralflow.transition.Transition;
import org.pastoralflow.transition.TransitionProcess;
import org.pastoralflow.transition.TransitionRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 13 on the real application and PostgreSQL: the records that carry the most sensitive facts
 * (a transition with a CP plan, a child whose primary holds a CP file and who then declines the
 * place, a safeguarding referral, a harmful sexual behaviour incident, a leaver with a CP file) take
 * the routes those facts decide, and the engine's tables hold none of the facts afterwards, only
 * ids, references and routing codes.
 */
@PostgresIntegrationTest
class EngineHoldsNoFactsIntegrationTest {

    /** The names facts were kept under before issue 13, and the transient names they are read into now. */
    static final List<String> FACTS = List.of("cpPlan", "inCare", "ehcp", "anxiety", "youngCarer", "primaryRecommends",
            "cpFileExpected", "cpFileToDealWith", "hasCpFile", "category", "safeguarding", "yearGroup");
    /** The September intake of this test: no other test imports it. */
    static final int YEAR = 2032;

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired TransitionRepository transitions;
    @Autowired ReferralRepository referrals;
    @Autowired IncidentRepository incidents;
    @Autowired LeaverRepository leavers;
    @Autowired StudentRepository students;
    @Autowired CaseStore caseStore;

    static final String CP_PLAN = UpnTestSupport.valid("873210932001");
    static final String PRIMARY_HOLDS_CP_FILE = UpnTestSupport.valid("873210932002");

    static String allocationList(boolean withBoth) {
        String header = "UPN,Legal Surname,Legal Forename,DOB,Gender,Feeder School,Feeder School URN,SEN Status,EHCP,In Care,"
                + "CP Plan,Parent Name,Parent Phone,Parent Email\n";
        String first = CP_PLAN + ",Okafor,Ada,2020-11-03,F,Larkfield Primary,119932,N,N,N,Y,Ngozi Okafor,07700 900001,"
                + "parent.okafor@example.org\n";
        String second = PRIMARY_HOLDS_CP_FILE + ",Lind,Oskar,2021-02-14,M,Larkfield Primary,119932,N,N,N,N,,,\n";
        return header + first + (withBoth ? second : "");
    }

    void importList(MockHttpSession lead, boolean withBoth) throws Exception {
        mvc.perform(multipart("/transition/import").file(new MockMultipartFile("file", "allocation.csv", "text/csv",
                        allocationList(withBoth).getBytes(StandardCharsets.UTF_8)))
                .param("year", String.valueOf(YEAR)).param("transitionDayFirst", YEAR + "-07-05")
                .param("transitionDayLast", YEAR + "-07-06").param("interviewsDue", YEAR + "-06-23").session(lead).with(csrf()))
                .andExpect(status().isOk());
    }

    Transition transition(String upn) {
        return transitions.findByEntryYear(YEAR).stream().filter(t -> t.getUpn().equals(upn)).findFirst().orElseThrow();
    }

    Task task(String processInstanceId, String key) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    void primaryInformation(MockHttpSession lead, Transition t, String anxiety, String cpFile) throws Exception {
        mvc.perform(post("/tasks/" + task(t.getProcessInstanceId(), TransitionProcess.TASK_PRIMARY_INFORMATION).getId())
                .session(lead).with(csrf()).param("received", "received").param("receivedOn", LocalDate.now().toString())
                .param("items", "profile").param("notes", "Settles well with a familiar adult.").param("anxiety", anxiety)
                .param("youngCarer", "no").param("recommends", "no").param("cpFile", cpFile))
                .andExpect(status().is3xxRedirection());
    }

    /** A routing code the engine keeps, as it was last recorded for the instance. */
    Object kept(String processInstanceId, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name)
                .singleResult().getValue();
    }

    List<String> namesIn(String table) {
        return jdbc.queryForList("select distinct name_ from " + table + " where name_ in ("
                + String.join(", ", FACTS.stream().map(f -> "?").toList()) + ")", String.class, FACTS.toArray());
    }

    @Test
    void theRecordsWithTheMostSensitiveFactsTakeTheirRoutesAndTheEngineKeepsNoneOfTheFacts() throws Exception {
        MockHttpSession lead = Web.signIn(mvc, "lead"), teacher = Web.signIn(mvc, "teacher"), admin = Web.signIn(mvc, "admin");

        // a transition with a CP plan on the list, and a child whose primary says it holds a CP file
        importList(lead, true);
        Transition cpPlan = transition(CP_PLAN), primaryHolds = transition(PRIMARY_HOLDS_CP_FILE);
        assertThat(task(cpPlan.getProcessInstanceId(), TransitionProcess.TASK_CP_FILE)).isNotNull();
        primaryInformation(lead, cpPlan, "no", "no");
        primaryInformation(lead, primaryHolds, "yes", "yes");
        assertThat(kept(cpPlan.getProcessInstanceId(), TransitionProcess.PATHWAY)).isEqualTo(Transition.ENHANCED);
        assertThat(kept(primaryHolds.getProcessInstanceId(), TransitionProcess.PATHWAY)).isEqualTo(Transition.ENHANCED);
        assertThat(task(primaryHolds.getProcessInstanceId(), TransitionProcess.TASK_CP_FILE)).isNotNull();
        // the place is declined: the DSL still has the CP file to deal with
        importList(lead, false);
        assertThat(transition(PRIMARY_HOLDS_CP_FILE).isWithdrawn()).isTrue();
        assertThat(task(primaryHolds.getProcessInstanceId(), TransitionProcess.TASK_CP_FILE_WITHDRAWN)).isNotNull();

        // a safeguarding concern
        Student child = students.findByUpn("X873400126058").orElseThrow();
        String description = "Disclosed being hit at home " + System.nanoTime();
        mvc.perform(post("/referrals").session(teacher).with(csrf()).param("studentId", child.getId().toString())
                .param("category", "safeguarding").param("description", description)
                .param("occurredAt", JustNow.at().toString()).param("location", "Tutor room"))
                .andExpect(status().is3xxRedirection());
        Referral referral = referrals.findByRaisedByOrderByRaisedAtDesc("teacher").stream()
                .filter(r -> r.getDescription().equals(description)).findFirst().orElseThrow();
        assertThat(kept(referral.getProcessInstanceId(), "route")).isEqualTo("dsl");

        // harmful sexual behaviour: the DSL group assigns the investigator
        Student target = students.findByUpn("L873400125058").orElseThrow(), perpetrator = students.findByUpn("D873400122058").orElseThrow();
        String account = "Unwanted touching on the stairs " + System.nanoTime();
        mvc.perform(post("/investigations").session(teacher).with(csrf()).param("occurredOn", JustNow.date())
                .param("occurredTime", JustNow.time()).param("location", "Stairs by the library")
                .param("type", "harmful-sexual-behaviour").param("description", account).param("staffInvolved", "Mr Ahmed")
                .param("upn-0", target.getUpn()).param("part-0", "target")
                .param("upn-1", perpetrator.getUpn()).param("part-1", "alleged-perpetrator"))
                .andExpect(status().is3xxRedirection());
        Incident incident = incidents.findAll().stream().filter(i -> i.getDescription().equals(account)).findFirst().orElseThrow();
        assertThat(tasks.getIdentityLinksForTask(task(incident.getProcessInstanceId(), "Task_AssignInvestigator").getId()))
                .extracting(l -> l.getGroupId()).containsExactly("dsl");

        // a leaver with a child protection file
        Student leaving = students.findByUpn("P873400123058").orElseThrow();
        caseStore.record(NewEntry.now(leaving.getId(), EntryKind.CONCERN, Confidentiality.SAFEGUARDING, "dsl",
                "Disclosure to the tutor", null, null, null));
        mvc.perform(post("/leavers").session(admin).with(csrf()).param("upn", leaving.getUpn())
                .param("leavingOn", LocalDate.now().toString()).param("reason", Leaver.IN_YEAR)
                .param("destinationName", "Riverside Academy").param("destinationUrn", "137001"))
                .andExpect(status().is3xxRedirection());
        Leaver leaver = leavers.findByStudentIdOrderByRecordedAtDesc(leaving.getId()).get(0);
        assertThat(task(leaver.getProcessInstanceId(), LeaverProcess.TASK_TRANSFER)).isNotNull();

        // what the engine holds: no fact, running or in history; no decision inputs at the audit history level
        assertThat(namesIn("act_ru_variable")).isEmpty();
        assertThat(namesIn("act_hi_varinst")).isEmpty();
        assertThat(namesIn("act_hi_detail")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_dec_in", Long.class)).isZero();
    }
}
