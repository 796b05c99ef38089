package org.pastoralflow.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** behaviour-thresholds.dmn, row by row: from how many negative points in a school week, and who decides. */
class BehaviourThresholdsTableTest {

    static DmnEngine dmn;
    static DmnDecision thresholds;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = BehaviourThresholdsTableTest.class.getResourceAsStream("/processes/behaviour-thresholds.dmn")) {
            thresholds = dmn.parseDecision(BehaviourProcess.THRESHOLDS, in);
        }
    }

    static DmnDecisionTableResult ask(int year, int points) {
        return dmn.evaluateDecisionTable(thresholds, Variables.createVariables()
                .putValue(BehaviourProcess.YEAR_GROUP, year).putValue(BehaviourProcess.NEGATIVE_POINTS, points));
    }

    @ParameterizedTest(name = "Year {0}, {1} points -> {2}")
    @CsvSource({
            "7,  5,  hoy",
            "7,  12, hoy",
            "9,  5,  hoy",
            "11, 6,  hoy",
            "12, 5,  hoy",
            "13, 9,  hoy",
    })
    void aWeekAtOrOverTheThresholdGoesToTheHeadOfYear(int year, int points, String group) {
        assertThat((String) ask(year, points).getSingleResult().getSingleEntry()).isEqualTo(group);
    }

    @ParameterizedTest(name = "Year {0}, {1} points -> no follow-up")
    @CsvSource({"7, 4", "8, 1", "11, 0", "12, 4"})
    void aWeekUnderTheThresholdRaisesNothing(int year, int points) {
        assertThat(ask(year, points).getResultList()).isEmpty();
    }

    @Test
    void everyYearGroupHasARow() {
        for (int year = 7; year <= 13; year++) {
            assertThat(ask(year, 100).getResultList()).as("Year %d", year).isNotEmpty();
        }
    }
}
