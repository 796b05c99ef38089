package org.pastoralflow.student;

import org.pastoralflow.security.YearGroupScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditEvent;
import org.pastoralflow.audit.AuditRepository;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.investigation.Incident;
import org.pastoralflow.investigation.IncidentLog;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.support.Web;
import org.pastoralflow.security.StaffDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Year-group scoping over HTTP: the demo's Year 9 PSO opens and finds Year 9 students only, on the
 * page, the entry page, the diagram route and the API, and is told why elsewhere; a PSO with no year
 * groups and anyone also in a whole-school group (a PSO who is a deputy DSL) work with every year;
 * the administrator's page saves all rows or none, names the wrong one and keeps what was typed.
 */
@PostgresIntegrationTest
class YearGroupScopeIntegrationTest {

    static final String YEAR_9_PSO = "pso9";

    @Autowired MockMvc mvc;
    @Autowired StudentRepository students;
    @Autowired CaseStore caseStore;
    @Autowired YearGroupScope scope;
    @Autowired StaffDirectory directory;
    @Autowired AuditRepository audit;
    @Autowired ReferralService referrals;
    @Autowired IncidentLog investigations;
    @Autowired TaskService tasks;

    static final Viewer TEACHER = new Viewer("teacher", "Tess Teacher", Set.of("staff"));

    Student year8, year9;
    ChronologyEntry year8Note;

    @BeforeEach
    void twoStudentsAndTheDemoScope() {
        year8 = ofYear(8);
        year9 = ofYear(9);
        year8Note = caseStore.record(NewEntry.now(year8.getId(), EntryKind.NOTE, Confidentiality.PASTORAL, "pso",
                "Scoping test note", null, null, null));
        scope.replace(Map.of(YEAR_9_PSO, Set.of(9), "pso", Set.of(), "hoy", Set.of(), "dsl2", Set.of()), "test");
    }

    @AfterEach
    void backToTheDemo() {
        scope.replace(Map.of(YEAR_9_PSO, Set.of(9), "pso", Set.of(), "hoy", Set.of(), "dsl2", Set.of()), "test");
    }

    Student ofYear(int year) {
        return students.findByYearGroupOrderByLegalSurnameAscLegalForenameAsc(year).stream()
                .sorted(Comparator.comparing(Student::getUpn)).skip(7).findFirst().orElseThrow();
    }

    String page(MockHttpSession who, String path, int status) throws Exception {
        return mvc.perform(get(path).session(who)).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aYear9PsoOpensAndFindsYear9StudentsOnly() throws Exception {
        MockHttpSession pso9 = Web.signIn(mvc, YEAR_9_PSO);
        assertThat(page(pso9, "/students/" + year9.getId(), 200)).contains(year9.displayName());
        String refused = page(pso9, "/students/" + year8.getId(), 403);
        assertThat(refused).contains("This student is not in your year groups (Year 9).").doesNotContain("Scoping test note");
        // a record of another year is not theirs to read: the same 404 as one that does not exist
        assertThat(page(pso9, "/chronology/" + year8Note.getId(), 404)).doesNotContain("Scoping test note")
                .doesNotContain("year groups");
        page(pso9, "/students/" + year8.getId() + "/processes/none/model.bpmn", 403);

        String search8 = page(pso9, "/students?q=" + year8.getUpn(), 200);
        assertThat(search8).doesNotContain(year8.displayName()).contains("No student matches.").contains("Searching Year 9");
        assertThat(page(pso9, "/students?q=" + year9.getUpn(), 200)).contains(year9.displayName());

        mvc.perform(get("/api/students/" + year8.getUpn() + "/chronology").with(httpBasic(YEAR_9_PSO, "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/students/" + year9.getUpn() + "/chronology").with(httpBasic(YEAR_9_PSO, "demo")))
                .andExpect(status().isOk());

        // a second year group opens Year 8 to them
        scope.replace(Map.of(YEAR_9_PSO, List.of(8, 9)), "test");
        assertThat(page(pso9, "/students/" + year8.getId(), 200)).contains("Scoping test note");
        assertThat(page(pso9, "/students?q=" + year8.getUpn(), 200)).contains(year8.displayName()).contains("Searching Years 8 and 9");
    }

    @Test
    void theInboxOfAYear9PsoHoldsTheirYearsTasksAndTheOthersCannotBeOpenedByTheirId() throws Exception {
        String mark = "Scoping inbox " + System.nanoTime();
        Referral about8 = referrals.raise(concern(year8, mark + " Year 8"), TEACHER);
        Referral about9 = referrals.raise(concern(year9, mark + " Year 9"), TEACHER);
        Task triage8 = triageOf(about8), triage9 = triageOf(about9);

        MockHttpSession pso9 = Web.signIn(mvc, YEAR_9_PSO);
        for (String show : List.of("", "?show=groups")) {
            String inbox = page(pso9, "/inbox" + show, 200);
            assertThat(inbox).contains(about9.getReference()).doesNotContain(about8.getReference());
        }
        page(pso9, "/tasks/" + triage9.getId(), 200);
        assertThat(page(pso9, "/tasks/" + triage8.getId(), 404)).contains("is not for you");
        mvc.perform(post("/tasks/" + triage8.getId() + "/claim").session(pso9).with(csrf())).andExpect(status().isNotFound());
        assertThat(tasks.createTaskQuery().taskId(triage8.getId()).singleResult().getAssignee()).isNull();

        // the PSO with no year groups has both; once assigned to pso9 by name, a task is theirs whatever the year
        String all = page(Web.signIn(mvc, "pso"), "/inbox", 200);
        assertThat(all).contains(about8.getReference(), about9.getReference());
        tasks.setAssignee(triage8.getId(), YEAR_9_PSO);
        assertThat(page(pso9, "/inbox?show=mine", 200)).contains(about8.getReference());
        page(pso9, "/tasks/" + triage8.getId(), 200);
    }

    @Test
    void referralsAndInvestigationsOpenWhenOneOfTheirStudentsIsInTheYearGroups() throws Exception {
        String mark = "Scoping records " + System.nanoTime();
        Referral about8 = referrals.raise(concern(year8, mark + " Year 8"), TEACHER);
        Referral about9 = referrals.raise(concern(year9, mark + " Year 9"), TEACHER);
        Incident only8 = incident(mark + " Year 8 only", year8);
        Incident both = incident(mark + " both years", year8, year9);

        MockHttpSession pso9 = Web.signIn(mvc, YEAR_9_PSO);
        assertThat(page(pso9, "/referrals/" + about9.getReference(), 200)).contains(mark + " Year 9");
        // another year's records answer the same 404 as records that do not exist (scope is checked with readability)
        assertThat(page(pso9, "/referrals/" + about8.getReference(), 404)).doesNotContain(mark).doesNotContain("year groups");
        assertThat(page(pso9, "/referrals/R99-99999", 404)).isEqualTo(page(pso9, "/referrals/" + about8.getReference(), 404));
        assertThat(page(pso9, "/investigations/" + both.getReference(), 200)).contains(year8.displayName(), year9.displayName());
        assertThat(page(pso9, "/investigations/" + only8.getReference(), 404)).doesNotContain(mark);
        page(pso9, "/investigations/" + only8.getReference() + "/report.pdf", 404);
        assertThat(page(pso9, "/investigations", 200)).contains(both.getReference()).doesNotContain(only8.getReference());

        MockHttpSession pso = Web.signIn(mvc, "pso");
        page(pso, "/referrals/" + about8.getReference(), 200);
        page(pso, "/investigations/" + only8.getReference(), 200);
    }

    Incident incident(String description, Student... who) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("occurredOn", JustNow.date(),
                "occurredTime", JustNow.time(), "location", "Field", "type", "other", "description", description));
        for (int i = 0; i < who.length; i++) {
            form.put("upn-" + i, who[i].getUpn());
            form.put("part-" + i, i == 0 ? "alleged-perpetrator" : "target");
        }
        return investigations.log(new FormData(form), TEACHER);
    }

    FormData concern(Student s, String description) {
        return new FormData(Map.of("studentId", s.getId().toString(), "category", "behaviour", "description", description,
                "occurredAt", "2026-11-20T09:15"));
    }

    Task triageOf(Referral r) {
        return tasks.createTaskQuery().processInstanceBusinessKey(r.getReference()).taskDefinitionKey("Task_PsoTriage").singleResult();
    }

    @Test
    void noYearGroupsOrAWholeSchoolGroupMeansEveryYear() throws Exception {
        MockHttpSession pso = Web.signIn(mvc, "pso");
        assertThat(page(pso, "/students/" + year8.getId(), 200)).contains("Scoping test note");
        assertThat(page(pso, "/students?q=" + year8.getUpn(), 200)).contains(year8.displayName()).doesNotContain("Searching Year");

        // dsl2 is a PSO and a deputy DSL: a year group recorded for them does not narrow their DSL work
        scope.replace(Map.of("dsl2", Set.of(9)), "test");
        MockHttpSession dsl2 = Web.signIn(mvc, "dsl2");
        assertThat(page(dsl2, "/students/" + year8.getId(), 200)).contains("Scoping test note");
        assertThat(page(dsl2, "/chronology/" + year8Note.getId(), 200)).contains("Scoping test note");

        // a Head of Year is scoped the same way as a PSO
        scope.replace(Map.of("hoy", Set.of(9)), "test");
        MockHttpSession hoy = Web.signIn(mvc, "hoy");
        page(hoy, "/students/" + year8.getId(), 403);
        page(hoy, "/students/" + year9.getId(), 200);
    }

    @Test
    void theAdministratorSetsYearGroupsAllOrNothingAndEachChangeIsAudited() throws Exception {
        MockHttpSession admin = Web.signIn(mvc, "admin");
        String form = page(admin, "/admin/year-groups", 200);
        assertThat(form).contains(directory.displayName(YEAR_9_PSO)).contains("id=\"years-pso9\"").contains("value=\"9\"");

        // a wrong row: nothing saved, the row named, what was typed kept
        String refused = mvc.perform(post("/admin/year-groups").session(admin).with(csrf())
                        .param("years-pso9", "9, 10").param("years-hoy", "8, Year15"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Year groups for " + directory.displayName("hoy") + ": &quot;Year15&quot; is not a year group")
                .contains("value=\"9, 10\"").contains("value=\"8, Year15\"").contains("id=\"years-hoy-error\"");
        assertThat(scope.yearsOf(YEAR_9_PSO)).containsExactly(9);
        assertThat(scope.yearsOf("hoy")).isEmpty();

        long changesBefore = changes().size();
        mvc.perform(post("/admin/year-groups").session(admin).with(csrf())
                        .param("years-pso9", "9 10").param("years-hoy", "Year 8"))
                .andExpect(status().is3xxRedirection());
        assertThat(scope.yearsOf(YEAR_9_PSO)).containsExactly(9, 10);
        assertThat(scope.yearsOf("hoy")).containsExactly(8);
        List<AuditEvent> made = changes().subList(0, changes().size() - (int) changesBefore);
        assertThat(made).extracting(AuditEvent::getDetail)
                .containsExactlyInAnyOrder("pso9: Year 9 → Years 9 and 10", "hoy: the whole school → Year 8");
        assertThat(made).allSatisfy(e -> assertThat(e.getActor()).isEqualTo("admin"));

        // a field left out of the post leaves that person as they were; a PSO cannot open the page
        mvc.perform(post("/admin/year-groups").session(admin).with(csrf()).param("years-hoy", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(scope.yearsOf(YEAR_9_PSO)).containsExactly(9, 10);
        assertThat(scope.yearsOf("hoy")).isEmpty();
        page(Web.signIn(mvc, "pso"), "/admin/year-groups", 403);
    }

    /** Year-group changes, newest first. */
    List<AuditEvent> changes() {
        return audit.findAll().stream().filter(e -> "year-groups".equals(e.getRecordType()) && "admin".equals(e.getActor()))
                .sorted(Comparator.comparing(AuditEvent::getId).reversed()).toList();
    }
}
