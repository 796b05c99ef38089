package org.pastoralflow.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every text a form or the API sends passes the one normaliser, and JSON values must be of the type the reader asks for. */
class FormDataTest {

    @Test
    void aControlCharacterIsRefusedNamingTheFieldByItsLabel() {
        FormData data = new FormData(Map.of("location", "Hal\u0000l"));

        assertThat(data.text("location", "Location", 300, false)).isNull();

        assertThat(data.errors()).containsExactly(Map.entry("location",
                "Location contains a control character (U+0000 at position 4)."));
        // shown again where it was, as the sign for a character that cannot be shown; never read as the value
        assertThat(data.values()).containsEntry("location", "Hal\uFFFDl");
        assertThatThrownBy(data::throwIfInvalid).isInstanceOf(InvalidFormException.class);
    }

    @Test
    void aRefusedValueStopsTheFormEvenWhenNoReaderAsksForIt() {
        FormData data = new FormData(Map.of("childWords", "a\u001bb", "description", "fine"));

        assertThat(data.text("description", "What you saw", 300, true)).isEqualTo("fine");

        assertThat(data.errors()).containsEntry("childWords", "Child words contains a control character (U+001B at position 2).");
        assertThat(data.hasErrors()).isTrue();
    }

    @Test
    void anOptionalReaderNeverHandsOutARefusedValue() {
        FormData data = new FormData(Map.of("upn", "\u202EA123", "notes", "x\uFFFF"));

        assertThat(data.optional("upn")).isNull();
        assertThat(data.flag("notes")).isFalse();
        assertThat(data.errors()).containsOnlyKeys("upn", "notes");
        assertThat(data.errors().get("upn")).isEqualTo("Upn contains an invisible text-direction control (U+202E at position 1).");
    }

    @Test
    void textIsKeptInNfcWithNewlinesAndTabsAndEverydayCharactersAccepted() {
        String decomposed = "Siobha\u0301n\r\nsaid:\t\u201cno\u201d \uD83D\uDE00 <script>alert(1)</script> =HYPERLINK(\"http://x\"&A1)";
        FormData data = new FormData(Map.of("notes", decomposed));

        assertThat(data.text("notes", "Notes", 300, true))
                .isEqualTo("Siobh\u00e1n\nsaid:\t\u201cno\u201d \uD83D\uDE00 <script>alert(1)</script> =HYPERLINK(\"http://x\"&A1)");
        assertThat(data.errors()).isEmpty();
    }

    @Test
    void lengthLimitsCountTheNormalisedText() {
        FormData data = new FormData(Map.of("notes", "e\u0301".repeat(300)));

        assertThat(data.text("notes", "Notes", 300, true)).hasSize(300);
        FormData tooLong = new FormData(Map.of("notes", "x".repeat(301)));
        tooLong.text("notes", "Notes", 300, true);
        assertThat(tooLong.errors()).containsEntry("notes", "Notes must be at most 300 characters (it has 301).");
    }

    @Test
    void aValueLongerThanAnyFieldTakesIsRefusedEvenWhenNoReaderAsksForIt() {
        FormData data = new FormData(Map.of("q", "x".repeat(1 << 20), "notes", "x".repeat(301)));

        data.text("notes", "Notes", 300, true);

        assertThat(data.errors()).containsEntry("q", "Q is far too long (1,048,576 characters; no field takes more than 100,000).")
                .containsEntry("notes", "Notes must be at most 300 characters (it has 301).");
        assertThat(data.values()).containsEntry("q", "");
    }

    @Test
    void aJsonObjectOrListWhereTextIsExpectedIsRefusedAndNeverStoredAsText() {
        Map<String, Object> body = new HashMap<>();
        body.put("description", Map.of("a", 1));
        body.put("location", List.of("Hall", "Yard"));
        body.put("category", List.of(Map.of("a", 1)));
        FormData data = FormData.fromJson(body);

        assertThat(data.text("description", "What you saw", 300, true)).isNull();
        assertThat(data.text("location", "Where", 300, false)).isNull();
        assertThat(data.oneOf("category", "Category", List.of("welfare"))).isNull();

        assertThat(data.errors()).containsEntry("description", "What you saw must be text, not an object.")
                .containsEntry("location", "Where must be text, not a list.")
                .containsEntry("category", "Category must be text, not a list of values other than text.");
        assertThat(data.values()).doesNotContainKey("description");
    }

    @Test
    void numbersAndTrueOrFalseMustBeSentAsSuch() {
        FormData data = FormData.fromJson(Map.of("rationale", 5, "immediateRisk", "yes", "baselineScore", "3",
                "occurredAt", true));

        assertThat(data.text("rationale", "Rationale", 300, true)).isNull();
        assertThat(data.flag("immediateRisk")).isFalse();
        assertThat(data.integer("baselineScore", "Baseline score", 0, 10, true)).isNull();
        assertThat(data.dateTime("occurredAt", "When")).isNull();

        assertThat(data.errors()).containsEntry("rationale", "Rationale must be text, not a number.")
                .containsEntry("immediateRisk", "Immediate risk must be true or false, not text.")
                .containsEntry("baselineScore", "Baseline score must be a number, not text.")
                .containsEntry("occurredAt", "When must be text, not true or false.")
                .hasSize(4);
    }

    @Test
    void jsonOfTheRightTypesReadsLikeAPage() {
        Map<String, Object> body = new HashMap<>();
        body.put("goals", "Feel safe");
        body.put("interventions", List.of("check-ins", "elsa"));
        body.put("baselineScore", 3);
        body.put("parentInformed", true);
        body.put("location", null);
        FormData data = FormData.fromJson(body);

        assertThat(data.text("goals", "Goals", 300, true)).isEqualTo("Feel safe");
        assertThat(data.optional("interventions")).isEqualTo("check-ins,elsa");
        assertThat(data.integer("baselineScore", "Baseline score", 0, 10, true)).isEqualTo(3);
        assertThat(data.flag("parentInformed")).isTrue();
        assertThat(data.text("location", "Where", 300, false)).isNull();
        assertThat(data.errors()).isEmpty();
    }

    @Test
    void aLoneSurrogateFromJsonIsRefused() {
        FormData data = FormData.fromJson(Map.of("description", "ab\uD800c"));

        assertThat(data.text("description", "What you saw", 300, true)).isNull();
        assertThat(data.errors()).containsEntry("description",
                "What you saw contains a broken character (an unpaired surrogate at position 3).");
    }

    @Test
    void aRequiredFieldThatIsRefusedIsNotAlsoCalledMissing() {
        FormData data = FormData.fromJson(Map.of("rationale", Map.of()));

        data.required("rationale", "Rationale");

        assertThat(data.errors()).containsExactly(Map.entry("rationale", "Rationale must be text, not an object."));
    }

    @Test
    void aDateIsReadAsTheBrowserSendsItOrDayFirstAsUkSchoolsWriteIt() {
        FormData data = new FormData(Map.of("iso", "2026-11-23", "uk", "23/11/2026", "short", "3/9/2026",
                "us", "11/23/2026", "none", "31/02/2026", "words", "next Tuesday"));

        assertThat(data.date("iso", "Date", true)).isEqualTo(java.time.LocalDate.of(2026, 11, 23));
        assertThat(data.date("uk", "Date", true)).isEqualTo(java.time.LocalDate.of(2026, 11, 23));
        assertThat(data.date("short", "Date", true)).isEqualTo(java.time.LocalDate.of(2026, 9, 3));
        // never month first, never a day that does not exist
        assertThat(data.date("us", "Date of the meeting", true)).isNull();
        assertThat(data.date("none", "Date", true)).isNull();
        assertThat(data.date("words", "Date", true)).isNull();
        assertThat(data.errors()).containsEntry("us", "Date of the meeting must be a date like 23/11/2026.")
                .containsKeys("none", "words").doesNotContainKeys("iso", "uk", "short");
    }
}
