package org.pastoralflow.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-over table, rule by rule: who holds a referral after each decision. */
class ReferralHandoverTest {

    static DmnEngine dmn;
    static DmnDecision handover;
    static Collection<Rule> rules;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = ReferralHandoverTest.class.getResourceAsStream("/processes/referral-handover.dmn")) {
            DmnModelInstance model = Dmn.readModelFromStream(in);
            handover = dmn.parseDecision(ReferralProcess.HANDOVER_DECISION, model);
            rules = model.getModelElementsByType(Rule.class);
        }
    }

    static DmnDecisionResult evaluate(String step, String decision, String heldBy) {
        return dmn.evaluateDecision(handover, Variables.createVariables().putValue(ReferralProcess.STEP, step)
                .putValue(ReferralProcess.DECISION, decision).putValue(ReferralProcess.OWNER_GROUP, heldBy));
    }

    /** Every row, held by someone other than the answer where that could hide a rule that echoes the holder. */
    @ParameterizedTest(name = "{0}: {1}, held by {2} -> {3}")
    @CsvSource({
            "dsl-review,      social-care,       pso,   dsl",
            "dsl-review,      early-help,        pso,   dsl",
            "dsl-review,      monitor,           pso,   dsl",
            "dsl-review,      pastoral-support,  dsl,   pso",
            "pso-triage,      accept,            dsl,   pso",
            "pso-triage,      pass-senco,        pso,   senco",
            "pso-triage,      escalate-dsl,      pso,   dsl",
            "senco-review,    send-support,      pso,   senco",
            "senco-review,    pass-pso,          senco, pso",
            "senco-review,    escalate-dsl,      senco, dsl",
            "agency-feedback, support-in-school, dsl,   pso",
            "agency-feedback, back-to-dsl,       pso,   dsl",
            "plan-review,     step-up-dsl,       pso,   dsl",
            "plan-review,     step-up-senco,     pso,   senco",
    })
    void handsOnTo(String step, String decision, String heldBy, String expected) {
        assertThat(evaluate(step, decision, heldBy).getSingleResult().<String>getSingleEntry()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "plan-review: {0}, held by {1} stays with {1}")
    @CsvSource({"continue, pso", "continue, senco", "step-up-external, pso", "step-up-external, senco"})
    void aContinuedPlanOrAnAgencyReferralFromAReviewStaysWithWhoeverHoldsIt(String decision, String heldBy) {
        assertThat(evaluate("plan-review", decision, heldBy).getSingleResult().<String>getSingleEntry()).isEqualTo(heldBy);
    }

    @ParameterizedTest(name = "{0}: {1} closes, held by nobody")
    @CsvSource({
            "dsl-review,      no-further-action",
            "pso-triage,      signpost",
            "pso-triage,      no-further-action",
            "senco-review,    no-further-action",
            "agency-feedback, closed",
            "plan-review,     close",
    })
    void aDecisionThatClosesHandsItToNobody(String step, String decision) {
        DmnDecisionResult result = evaluate(step, decision, "pso");
        // a row of its own, so that the table lists every decision; its answer is empty
        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().<String>getSingleEntry()).isNull();
    }

    @Test
    void everyDecisionOfEveryFormHasExactlyOneRow() {
        Map<String, List<Choice>> forms = Map.of(ReferralProcess.STEP_DSL_REVIEW, ReferralForms.DSL,
                ReferralProcess.STEP_PSO_TRIAGE, ReferralForms.TRIAGE, ReferralProcess.STEP_SENCO_REVIEW, ReferralForms.SENCO,
                ReferralProcess.STEP_AGENCY_FEEDBACK, ReferralForms.FEEDBACK, ReferralProcess.STEP_PLAN_REVIEW, ReferralForms.REVIEW);
        int rows = 0;
        for (Map.Entry<String, List<Choice>> form : forms.entrySet()) {
            for (Choice choice : form.getValue()) {
                // UNIQUE: more than one matching row would throw here
                assertThat(evaluate(form.getKey(), choice.code(), "pso")).as("%s: %s", form.getKey(), choice.code()).hasSize(1);
                rows++;
            }
        }
        // and the table has no row for a decision no form offers
        assertThat(rules).hasSize(rows);
    }

    @Test
    void aDecisionTheTableDoesNotKnowFindsNoRow() {
        assertThat(evaluate("dsl-review", "close-it", "dsl")).isEmpty();
        assertThat(evaluate("pso-triage", "social-care", "pso")).isEmpty();
    }
}
