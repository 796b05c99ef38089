package org.pastoralflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What the governors' edition hides of the interventions table, and that leaders' counts are left alone. */
class DataPackCountsTest {

    final DataPack.Counts governors = new DataPack.Counts(5);

    @Test
    void countsFromOneToBelowTheSmallestAreHiddenButNoneIsShown() {
        assertThat(governors.shown(0)).isEqualTo(0L);
        assertThat(governors.shown(1)).isEqualTo("fewer than 5");
        assertThat(governors.shown(4)).isEqualTo("fewer than 5");
        assertThat(governors.shown(5)).isEqualTo(5L);
        assertThat(DataPack.Counts.ALL.shown(1)).isEqualTo(1L);
        assertThat(DataPack.Counts.ALL.note("As counted.")).isEqualTo("As counted.");
        assertThat(governors.note(null)).isEqualTo("Counts from 1 to 4 are shown as \"fewer than 5\" so that no child can be recognised from them.");
    }

    @Test
    void anInterventionAveragedOverTooFewClosedPlansShowsNeitherAverage() {
        List<Object> few = List.of("Mentoring", 12L, 3L, 41.0, 63.3);
        assertThat(governors.intervention(few)).containsExactly("Mentoring", 12L, "fewer than 5", "not shown", "not shown");
        List<Object> enough = List.of("Mentoring", 12L, 6L, 41.0, 63.3);
        assertThat(governors.intervention(enough)).isSameAs(enough);
        List<Object> none = List.of("Mentoring", 0L, 0L, "", "");
        assertThat(governors.intervention(none)).isSameAs(none);
        assertThat(DataPack.Counts.ALL.intervention(few)).isSameAs(few);
    }
}
