package org.pastoralflow.workflow.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.pastoralflow.workflow.models.ModelDeployment;
import org.pastoralflow.workflow.models.ModelDeployments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Issue 18 part 2 on the real application and PostgreSQL: the referral routing table edited in the application
 * (bereavement in Year 7 to the SENCO), tried, saved by the Pastoral Lead, approved by a DSL, followed by the next
 * concern, and restored; a version sending safeguarding elsewhere refused; wrong cells and hostile text named by
 * field with nothing deployed. Every table changed here is put back (the release's file deployed again) after each
 * test: the other tests of this JVM raise referrals through the same table.
 */
@PostgresIntegrationTest
class TableEditorIntegrationTest {

    static final String ROUTING = "referral-routing";
    static final String THRESHOLDS = "behaviour-thresholds";
    static final String EDIT = "/workflows/tables/{key}/edit";

    @Autowired MockMvc mvc;
    @Autowired RepositoryService repository;
    @Autowired TaskService tasks;
    @Autowired ModelDeployments deployments;
    @Autowired ReferralService referrals;
    @Autowired JdbcTemplate jdbc;

    final Map<String, String> newestBefore = new HashMap<>();

    @BeforeEach
    void remember() {
        for (String key : List.of(ROUTING, THRESHOLDS)) {
            newestBefore.put(key, latest(key).getId());
        }
    }

    @AfterEach
    void putTheTablesBack() throws Exception {
        for (String key : List.of(ROUTING, THRESHOLDS)) {
            if (!latest(key).getId().equals(newestBefore.get(key))) {
                deployments.deploy(key + ".dmn", Files.readAllBytes(Path.of("processes", key + ".dmn")),
                        "TableEditorIntegrationTest puts the release's table back", "dsl", ModelDeployment.How.RESTORE, null);
            }
        }
    }

    DecisionDefinition latest(String key) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
    }

    long versions(String key) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).count();
    }

    // ------------------------------------------------------------------ the journey

    @Test
    void bereavementInYearSevenGoesToTheSencoOnceTheLeadsChangeIsApprovedAndBackToPsoWhenRestored() throws Exception {
        Long year7 = student(7);
        Long year8 = student(8);
        // a few real cases among the latest: two Year 7 bereavements, one in Year 8
        bereavement(year7);
        bereavement(year7);
        bereavement(year8);
        String original = latest(ROUTING).getId();

        MockHttpSession dsl = Web.signIn(mvc, "dsl");
        Page page = open(dsl, "");
        assertThat(page.html).contains("Rule 4", "Immediate risk", "Year group", "This table routes safeguarding work");

        // add a rule, move it above "everything else", and get two cells wrong
        page = page.press(dsl, "add", Map.of());
        assertThat(page.status).isEqualTo(200);
        assertThat(page.html).contains("Rule 5");
        page = page.press(dsl, "up-5", Map.of());
        long before = versions(ROUTING);
        page = page.press(dsl, "try", Map.of("rule4-in2", "\"bereavement", "rule4-in3", "> abc", "rule4-out1", "\"senco\""));
        assertThat(page.status).isEqualTo(422);
        assertThat(page.error("rule4-in2")).startsWith("Rule 4, Category: the engine cannot read this");
        assertThat(page.error("rule4-in3")).startsWith("Rule 4, Year group:").contains("abc");
        assertThat(page.error("rule5-out1")).isNull();
        page = page.press(dsl, "save", Map.of("reason", "Bereavement in Year 7 to the SENCO"));
        assertThat(page.status).isEqualTo(422);
        assertThat(versions(ROUTING)).isEqualTo(before);

        // fixed, and tried: on a typed case, and on the latest real cases (counts only)
        Map<String, String> rule = Map.of("rule4-in2", "\"bereavement\"", "rule4-in3", "7", "rule4-out1", "\"senco\"",
                "rule4-description", "Bereavement in Year 7: the SENCO knows the family from transition");
        page = page.press(dsl, "try", with(rule, "sample-in1", "false", "sample-in2", "bereavement", "sample-in3", "7"));
        assertThat(page.status).isEqualTo(200);
        assertThat(page.doc.select("#tried").text()).contains("goes to pso now, and would go to senco with your change");
        Map<String, int[]> counts = page.counts();
        int toSenco = counts.get("senco")[1] - counts.get("senco")[0];
        assertThat(toSenco).isGreaterThanOrEqualTo(2);
        assertThat(counts.get("pso")[0] - counts.get("pso")[1]).isEqualTo(toSenco);
        assertThat(counts.get("dsl")[0]).isEqualTo(counts.get("dsl")[1]);
        assertThat(page.html).doesNotContain("Fixture bereavement");

        // the Pastoral Lead saves it: not deployed, but waiting for a DSL
        MockHttpSession lead = Web.signIn(mvc, "lead");
        Page leads = open(lead, "").press(lead, "add", Map.of()).press(lead, "up-5", Map.of());
        leads = leads.press(lead, "save", with(rule, "reason", "Bereavement in Year 7 to the SENCO, who knows the families from transition"));
        assertThat(leads.status).isEqualTo(302);
        assertThat(versions(ROUTING)).isEqualTo(before);
        TableChange change = latestChange();
        assertThat(change.getState()).isEqualTo(TableChange.State.PENDING);
        assertThat(change.getProposedBy()).isEqualTo("lead");
        Task approval = tasks.createTaskQuery().processInstanceId(change.getProcessInstanceId()).singleResult();
        assertThat(approval.getTaskDefinitionKey()).isEqualTo(TableChangeProcess.TASK_DSL_APPROVAL);
        assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId).containsExactly("dsl");
        assertThat(mvc.perform(get("/tasks/" + approval.getId()).session(lead)).andReturn().getResponse().getStatus()).isEqualTo(404);

        // a DSL sees both tables and the counts, and approves: deployed as the next version
        String task = mvc.perform(get("/tasks/" + approval.getId()).session(dsl)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(task).contains("Now", "Proposed", "Bereavement in Year 7: the SENCO knows", "real cases");
        mvc.perform(post("/tasks/" + approval.getId()).session(dsl).with(csrf()).param("decision", "approve"))
                .andExpect(status().is3xxRedirection());
        assertThat(versions(ROUTING)).isEqualTo(before + 1);
        change = latestChange();
        assertThat(change.getState()).isEqualTo(TableChange.State.DEPLOYED);
        assertThat(change.getDecidedBy()).isEqualTo("dsl");
        assertThat(change.getDeployedDefinitionId()).isEqualTo(latest(ROUTING).getId());
        assertThat(deployments.recordOf(latest(ROUTING).getDeploymentId()).orElseThrow().getHow()).isEqualTo(ModelDeployment.How.TABLE_EDITOR);

        // the next concerns follow the new rule
        assertThat(reviewedBy(bereavement(year7))).isEqualTo("senco");
        assertThat(reviewedBy(bereavement(year8))).isEqualTo("pso");

        // the DSL restores the version before it: deployed at once (a DSL is the approver), and Year 7 goes to PSO again
        Page restore = open(dsl, "?from=" + original);
        assertThat(restore.html).contains("You are restoring version");
        assertThat(restore.press(dsl, "save", Map.of("reason", "Back to PSO triage for every bereavement")).status).isEqualTo(302);
        assertThat(versions(ROUTING)).isEqualTo(before + 2);
        ModelDeployment restored = deployments.recordOf(latest(ROUTING).getDeploymentId()).orElseThrow();
        assertThat(restored.getHow()).isEqualTo(ModelDeployment.How.RESTORE);
        assertThat(restored.getRestoredFrom()).isEqualTo(original);
        assertThat(reviewedBy(bereavement(year7))).isEqualTo("pso");
    }

    // ------------------------------------------------------------------ safeguarding

    @Test
    void aTableThatWouldSendSafeguardingToPsoIsRefusedWithTheCaseAndNothingIsDeployedOrProposed() throws Exception {
        long before = versions(ROUTING);
        long changes = jdbc.queryForObject("select count(*) from table_change", Long.class);
        for (String who : List.of("dsl", "lead")) {
            MockHttpSession session = Web.signIn(mvc, who);
            Page page = open(session, "").press(session, "save", Map.of("rule2-out1", "\"pso\"", "reason", "Let PSOs triage everything"));
            assertThat(page.status).isEqualTo(422);
            assertThat(page.error("table")).contains("Safeguarding work must always go to dsl", "Category safeguarding", "would get: pso",
                    "Nothing was saved");
        }
        // nor by taking the safeguarding rule out, or putting "everything else" above it
        MockHttpSession dsl = Web.signIn(mvc, "dsl");
        Page moved = open(dsl, "").press(dsl, "up-4", Map.of()).press(dsl, "up-3", Map.of()).press(dsl, "up-2", Map.of());
        assertThat(moved.press(dsl, "save", Map.of("reason", "PSO first")).error("table")).contains("would get: pso");
        assertThat(versions(ROUTING)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from table_change", Long.class)).isEqualTo(changes);
    }

    @Test
    void aRefusedChangeIsNotDeployedAndTheProposerIsTold() throws Exception {
        long before = versions(ROUTING);
        MockHttpSession lead = Web.signIn(mvc, "lead");
        assertThat(open(lead, "").press(lead, "save", Map.of("rule3-description", "SEND to the SENCO, always",
                "reason", "Clearer words")).status).isEqualTo(302);
        TableChange change = latestChange();
        Task approval = tasks.createTaskQuery().processInstanceId(change.getProcessInstanceId()).singleResult();
        MockHttpSession dsl = Web.signIn(mvc, "dsl");
        String noNote = mvc.perform(post("/tasks/" + approval.getId()).session(dsl).with(csrf()).param("decision", "refuse"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(noNote).contains("Your note is required.");
        mvc.perform(post("/tasks/" + approval.getId()).session(dsl).with(csrf()).param("decision", "refuse")
                .param("note", "The SEND code of practice wording is what we use")).andExpect(status().is3xxRedirection());
        change = latestChange();
        assertThat(change.getState()).isEqualTo(TableChange.State.REFUSED);
        assertThat(versions(ROUTING)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from notification where subject = 'A change to a routing table was refused' "
                + "and recipients like '%lead@%' and body like '%SEND code of practice wording%'", Long.class)).isPositive();
        assertThat(open(lead, "").html).contains("refused", "The SEND code of practice wording is what we use");
    }

    // ------------------------------------------------------------------ other tables, other people, hostile text

    @Test
    void aTableThatRoutesNoSafeguardingWorkIsDeployedWhenTheLeadSavesIt() throws Exception {
        long before = versions(THRESHOLDS);
        MockHttpSession lead = Web.signIn(mvc, "lead");
        Page page = mvc(lead, get(EDIT.replace("{key}", THRESHOLDS)));
        assertThat(page.html).doesNotContain("This table routes safeguarding work");
        page = page.press(lead, "save", Map.of("rule2-in2", ">= 6", "reason", "Six points before the Head of Year is asked"));
        assertThat(page.status).isEqualTo(302);
        assertThat(versions(THRESHOLDS)).isEqualTo(before + 1);
        assertThat(deployments.recordOf(latest(THRESHOLDS).getDeploymentId()).orElseThrow().getDeployedBy()).isEqualTo("lead");
    }

    @Test
    void onlyThePastoralLeadAndTheDslOpenTheEditor() throws Exception {
        for (String who : List.of("admin", "pso", "head", "senco")) {
            assertThat(mvc.perform(get(EDIT.replace("{key}", ROUTING)).session(Web.signIn(mvc, who))).andReturn().getResponse().getStatus())
                    .as(who).isEqualTo(403);
        }
        assertThat(mvc.perform(get(EDIT.replace("{key}", "no-such-table")).session(Web.signIn(mvc, "dsl")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void hostileTextIsRefusedNamingTheFieldAndNothingIsDeployed() throws Exception {
        long before = versions(ROUTING);
        MockHttpSession dsl = Web.signIn(mvc, "dsl");
        Page page = open(dsl, "");
        Page control = page.press(dsl, "save", Map.of("rule2-in2", "\"safe\u0000guarding\"", "reason", "x"));
        assertThat(control.status).isEqualTo(422);
        assertThat(control.error("rule2-in2")).contains("control character");
        Page huge = page.press(dsl, "save", Map.of("rule3-out1", "\"" + "s".repeat(10_000) + "\"", "reason", "x"));
        assertThat(huge.status).isEqualTo(422);
        assertThat(huge.error("rule3-out1")).contains("at most 2000 characters");
        Page reason = page.press(dsl, "save", Map.of("reason", "because\u202Egpj"));
        assertThat(reason.status).isEqualTo(422);
        assertThat(reason.error("reason")).isNotNull();
        Page noReason = page.press(dsl, "save", Map.of());
        assertThat(noReason.error("reason")).contains("required");
        assertThat(page.press(dsl, "add", Map.of("rule1-description", "a\u0007b")).status).isEqualTo(422);
        assertThat(versions(ROUTING)).isEqualTo(before);
    }

    // ------------------------------------------------------------------ helpers

    /** A page of the editor and the values its form would send. */
    class Page {
        final int status;
        final String html;
        final Document doc;
        final String action;

        Page(MvcResult result) throws Exception {
            this.status = result.getResponse().getStatus();
            this.html = result.getResponse().getContentAsString();
            this.doc = Jsoup.parse(html);
            Element form = doc.selectFirst("form[action*=/workflows/tables/]");
            this.action = form == null ? null : form.attr("action");
        }

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            Element form = doc.selectFirst("form[action*=/workflows/tables/]");
            for (Element e : form.select("input, select, textarea")) {
                String name = e.attr("name");
                if (name.isEmpty() || name.equals("_csrf")) {
                    continue;
                }
                if (e.tagName().equals("select")) {
                    Element selected = e.selectFirst("option[selected]");
                    values.put(name, selected != null ? selected.attr("value") : e.selectFirst("option").attr("value"));
                } else if (e.tagName().equals("textarea")) {
                    values.put(name, e.text());
                } else {
                    values.put(name, e.attr("value"));
                }
            }
            return values;
        }

        Page press(MockHttpSession session, String button, Map<String, String> changes) throws Exception {
            LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
            values().forEach(params::add);
            changes.forEach(params::set);
            params.set("action", button);
            Page next = mvc(session, post(action).with(csrf()).params(params));
            if (next.status == 422) {
                System.out.println("TABLE EDITOR 422 on " + button + ": " + next.doc.select(".error-summary, #table").text());
            }
            return next;
        }

        String error(String field) {
            Element e = doc.getElementById(field + "-error");
            return e == null ? null : e.text();
        }

        /** The try-it counts: answer → {now, with the change}. */
        Map<String, int[]> counts() {
            Map<String, int[]> counts = new HashMap<>();
            for (Element row : doc.select("#tried tbody tr")) {
                counts.put(row.selectFirst("th").text(), new int[] {Integer.parseInt(row.select("td").get(0).text()),
                        Integer.parseInt(row.select("td").get(1).text())});
            }
            counts.putIfAbsent("senco", new int[2]);
            counts.putIfAbsent("dsl", new int[2]);
            counts.putIfAbsent("pso", new int[2]);
            return counts;
        }
    }

    Page open(MockHttpSession session, String query) throws Exception {
        Page page = mvc(session, get(EDIT.replace("{key}", ROUTING) + query));
        assertThat(page.status).isEqualTo(200);
        return page;
    }

    Page mvc(MockHttpSession session, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return new Page(mvc.perform(request.session(session)).andReturn());
    }

    static Map<String, String> with(Map<String, String> base, String... more) {
        Map<String, String> all = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    TableChange latestChange() {
        Long id = jdbc.queryForObject("select max(id) from table_change", Long.class);
        return changesById(id);
    }

    @Autowired TableChangeSteps steps;

    TableChange changesById(Long id) {
        return steps.byId(id);
    }

    Long student(int yearGroup) {
        return jdbc.queryForObject("select id from student where year_group = ? order by id desc limit 1", Long.class, yearGroup);
    }

    Referral bereavement(Long studentId) {
        return referrals.raiseFrom("table-editor-test", "T" + System.nanoTime(), studentId, "bereavement",
                "Fixture bereavement: grandparent died last week", Instant.now(), "Tutor room", "teacher");
    }

    String reviewedBy(Referral referral) {
        Task first = tasks.createTaskQuery().processInstanceBusinessKey(referral.getReference()).singleResult();
        return tasks.getIdentityLinksForTask(first.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null)
                .findFirst().orElseThrow();
    }
}
