package org.pastoralflow.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How a support plan's measure, typed in words, is read onto a configured scale (with the defaults):
 * by a scale's whole name or its abbreviation, never by a word the two happen to share.
 */
class PlanScaleTest {

    final InterventionSettings defaults = new InterventionSettings(null);

    String read(String words) {
        return ProvisionMap.planScale(defaults, words).code();
    }

    @Test
    void aScaleIsFoundByItsWholeNameOrAbbreviation() {
        assertThat(read("SDQ total difficulties")).isEqualTo("sdq-total");
        assertThat(read("Teacher SDQ (total)")).isEqualTo("sdq-total");
        assertThat(read("Self-rating of confidence")).isEqualTo("self-rating");
        assertThat(read("Negative behaviour points this term")).isEqualTo("behaviour-points");
    }

    @Test
    void wordsThatOnlyShareAWordWithAScaleReadOnThePlansOwnScale() {
        assertThat(read("Behaviour points avoided (0-100)")).isEqualTo("plan-score");
        assertThat(read("Wellbeing (WEMWBS, scaled 0-100)")).isEqualTo("plan-score");
        assertThat(read("Attendance this half-term (%)")).isEqualTo("plan-score");
        assertThat(read(null)).isEqualTo("plan-score");
        assertThat(ProvisionMap.planScale(defaults, "SDQ").direction(20, 15)).as("lower SDQ is better").isEqualTo(1);
        assertThat(ProvisionMap.planScale(defaults, "anything").direction(20, 15)).as("a lower plan score is worse").isEqualTo(-1);
    }
}
