package org.pastoralflow.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.supportplan.SupportPlanRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The JSON API: the same rules and forms as the pages, errors as problem details. */
@PostgresIntegrationTest
class ReferralApiIntegrationTest {

    static final String UPN = "H873400125000";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired ChronologyRepository chronology;
    @Autowired SupportPlanRepository plans;
    @Autowired ReferralRepository referrals;

    ResultActions postJson(String path, String user, Object body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    String raiseWelfareConcern(String text) throws Exception {
        String body = postJson("/api/referrals", "teacher", Map.of("upn", UPN, "category", "welfare",
                "description", text, "occurredAt", "2026-11-20T11:00", "immediateRisk", false))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/referrals/R")))
                .andExpect(jsonPath("$.status").value("Being handled"))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("reference").asText();
    }

    JsonNode taskFor(String user, String reference, String taskKey) throws Exception {
        JsonNode list = json.readTree(mvc.perform(get("/api/tasks").with(httpBasic(user, "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        for (JsonNode t : list) {
            if (reference.equals(t.get("reference").asText()) && taskKey.equals(t.get("taskKey").asText())) {
                return t;
            }
        }
        return null;
    }

    @Test
    void aConcernRaisedByApiIsTriagedAndPlannedByApi() throws Exception {
        String reference = raiseWelfareConcern("Withdrawn in lessons for two weeks " + System.nanoTime());

        JsonNode triage = taskFor("pso", reference, "Task_PsoTriage");
        assertThat(triage).isNotNull();
        assertThat(triage.get("student").asText()).isNotBlank();
        assertThat(triage.get("due").isNull()).isFalse();
        String id = triage.get("id").asText();

        // a decision without a rationale: 400, the field named, nothing written, the task still open
        long before = chronology.count();
        postJson("/api/tasks/" + id + "/complete", "pso", Map.of("decision", "accept"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.rationale").value("Rationale is required."));
        assertThat(chronology.count()).isEqualTo(before);

        mvc.perform(post("/api/tasks/" + id + "/claim").with(httpBasic("pso", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.assignee").value("pso"));
        // someone else in the group cannot complete it now
        postJson("/api/tasks/" + id + "/complete", "dsl2", Map.of("decision", "accept", "rationale", "x"))
                .andExpect(status().isConflict());

        postJson("/api/tasks/" + id + "/complete", "pso", Map.of("decision", "accept", "rationale", "Needs regular check-ins"))
                .andExpect(status().isNoContent());

        JsonNode plan = taskFor("pso", reference, "Task_WriteSupportPlan");
        assertThat(plan).isNotNull();
        postJson("/api/tasks/" + plan.get("id").asText() + "/complete", "pso", Map.of(
                "goals", "Feel safe to talk to an adult at school", "interventions", List.of("check-ins", "elsa"),
                "measureScale", "self-rating", "measureNote", "mood", "baselineScore", 3,
                "parentInformed", true, "parentInformedHow", "Phone call to mum, 23 Nov"))
                .andExpect(status().isNoContent());

        Referral r = referrals.findByReference(reference).orElseThrow();
        assertThat(r.getStage()).isEqualTo(Stage.SUPPORT_PLAN);
        assertThat(plans.findFirstByReferralIdAndClosedOnIsNullOrderByCreatedAtDesc(r.getId())).hasValueSatisfying(p -> {
            assertThat(p.interventionCodes()).containsExactly("check-ins", "elsa");
            assertThat(p.getBaselineScore()).isEqualTo(3);
            assertThat(p.getOwnerGroup()).isEqualTo("pso");
        });

        // the raiser can read the status of their own referral, nobody else can
        mvc.perform(get("/api/referrals/" + reference).with(httpBasic("teacher", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("Being handled"));
        mvc.perform(get("/api/referrals/" + reference).with(httpBasic("hoy", "demo"))).andExpect(status().isNotFound());
    }

    @Test
    void badInputNamesEveryFieldAndWritesNothing() throws Exception {
        long before = referrals.count();
        postJson("/api/referrals", "teacher", Map.of("upn", "A000000000000", "category", "gossip", "occurredAt", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors.upn").value("No student with UPN A000000000000."))
                .andExpect(jsonPath("$.errors.category").exists())
                .andExpect(jsonPath("$.errors.description").value("What you saw or heard is required."))
                .andExpect(jsonPath("$.errors.occurredAt").exists());
        assertThat(referrals.count()).isEqualTo(before);
    }

    @Test
    void theApiChecksWhoIsCalling() throws Exception {
        mvc.perform(get("/api/tasks")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // (a wrong password for a real user would also start the engine's login delay for that user)
        mvc.perform(get("/api/tasks").with(httpBasic("nobody", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/students/" + UPN + "/chronology").with(httpBasic("teacher", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/students/" + UPN + "/chronology").with(httpBasic("admin", "demo"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/tasks/no-such-task/claim").with(httpBasic("pso", "demo"))).andExpect(status().isNotFound());
    }
}
