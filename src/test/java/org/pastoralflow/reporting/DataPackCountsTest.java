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
    void anInterventionsOutcomesOverTooFewScoredAreNotShownAndEachSmallCountIsHidden() {
        // intervention, kind, runs, members, scored, improved, same, worse, mean change, plans naming it
        List<Object> few = List.of("ELSA", "1:1", 3L, 3L, 3L, 2L, 1L, 0L, 1.7, 12L);
        assertThat(governors.outcomes(few, 4, 5, 8)).containsExactly("ELSA", "1:1", "fewer than 5", "fewer than 5", "fewer than 5",
                "not shown", "not shown", "not shown", "not shown", 12L);
        List<Object> enough = List.of("Thrive", "Group", 2L, 9L, 6L, 4L, 1L, 1L, 2.5, 0L);
        assertThat(governors.outcomes(enough, 4, 5, 8)).as("outcomes from 6 scored are shown; each count from 1 to 4 is hidden on its own")
                .containsExactly("Thrive", "Group", "fewer than 5", 9L, 6L, "fewer than 5", "fewer than 5", "fewer than 5", 2.5, 0L);
        List<Object> none = List.of("Other", "1:1", 0L, 0L, 0L, 0L, 0L, 0L, "", 0L);
        assertThat(governors.outcomes(none, 4, 5, 8)).isSameAs(none);
        assertThat(DataPack.Counts.ALL.outcomes(few, 4, 5, 8)).isSameAs(few);
    }
}
