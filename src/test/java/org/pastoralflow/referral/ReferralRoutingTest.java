package org.pastoralflow.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The routing table, rule by rule: who reviews a new concern. */
class ReferralRoutingTest {

    static DmnEngine dmn;
    static DmnDecision routing;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = ReferralRoutingTest.class.getResourceAsStream("/processes/referral-routing.dmn")) {
            routing = dmn.parseDecision("referral-routing", in);
        }
    }

    @ParameterizedTest(name = "{0}, immediate risk {1} -> {2}")
    @CsvSource({
            "safeguarding, false, dsl",
            "safeguarding, true,  dsl",
            "welfare,      true,  dsl",
            "send,         true,  dsl",
            "send,         false, senco",
            "welfare,      false, pso",
            "behaviour,    false, pso",
            "attendance,   false, pso",
            "bereavement,  false, pso",
            "young-carer,  false, pso",
            "other,        false, pso",
    })
    void routes(String category, boolean immediateRisk, String expected) {
        String route = dmn.evaluateDecisionTable(routing, Variables.createVariables()
                .putValue("category", category).putValue("immediateRisk", immediateRisk))
                .getSingleResult().getSingleEntry();
        assertThat(route).isEqualTo(expected);
    }

    /** The year group is an input a school may use (bereavement in Year 7 to the SENCO, say); as released no rule asks it. */
    @ParameterizedTest(name = "{0} in Year {1} -> {2}")
    @CsvSource({
            "bereavement,  7,  pso",
            "bereavement,  13, pso",
            "safeguarding, 7,  dsl",
            "send,         11, senco",
            "welfare,      ,   pso",
    })
    void theYearGroupChangesNothingUntilTheSchoolUsesIt(String category, Integer yearGroup, String expected) {
        String route = dmn.evaluateDecisionTable(routing, Variables.createVariables()
                .putValue("category", category).putValue("immediateRisk", false).putValue("yearGroup", yearGroup))
                .getSingleResult().getSingleEntry();
        assertThat(route).isEqualTo(expected);
    }
}
