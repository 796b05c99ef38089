package org.pastoralflow.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pastoralflow.forms.FormData;

/**
 * A template is plain text with merge fields from a fixed list: every form a template engine would
 * run is refused on save with the offending text named, and merging only ever puts values in place.
 */
class MergeFieldsTest {

    static FormData form() {
        return new FormData(new HashMap<>());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a SpEL type         | Dear parent, ${T(java.lang.Runtime).getRuntime().exec('id')} | ${T(java.lang.Runtime).getRuntime().exec",
            "a bean              | Figures: ${@jdbcTemplate.queryForList('select * from student')} | ${@jdbcTemplate.queryForList('select",
            "a selection         | Hello *{firstName} | *{firstName}",
            "a message           | #{letter.greeting} to you | #{letter.greeting}",
            "a link              | See @{/students/1} | @{/students/1}",
            "a fragment          | ~{layout :: page} | ~{layout",
            "preprocessing       | __${student.firstName}__ | __${student.firstName}__",
            "a th: attribute     | <p th:text=\"${x}\">hi</p> | th:text=\"${x}\">hi</p>",
            "a data-th attribute | <p data-th-text=x>hi</p> | data-th-text=x>hi</p>",
            "inlining            | Dear [[${contact.name}]] | [[${contact.name}]]",
            "unescaped inlining  | Dear [(${contact.name})] | [(${contact.name})]",
            "an unclosed field   | Dear {{contact.name | {{contact.name",
            "an unknown field    | Dear {{contact.secretNotes}}, | {{contact.secretNotes}}",
            "a method call field | Dear {{contact.getClass()}}, | {{contact.getClass()}}"})
    void refusesWhatIsNotAMergeFieldNamingIt(String what, String text, String named) {
        FormData data = form();
        assertThat(MergeFields.check(text, "body", "Letter", data)).as(what).isFalse();
        assertThat(data.errors().get("body")).as(what).startsWith("Letter: \"").contains(named);
    }

    @Test
    void takesPlainTextAndEveryListedField() {
        StringBuilder all = new StringBuilder("Dear parent,\n\nMonth: May. Fourth: soon. <script>alert(1)</script> =SUM(A1) 50% {single} $5 #1 @school ~ok\n");
        MergeFields.FIELDS.forEach(f -> all.append(f.placeholder()).append(' ').append("{{ ").append(f.key()).append(" }}\n"));
        FormData data = form();
        assertThat(MergeFields.check(all.toString(), "body", "Letter", data)).isTrue();
        assertThat(data.errors()).isEmpty();
    }

    @Test
    void mergingPutsValuesInPlaceAndNeverReadsThem() {
        Map<String, String> values = Map.of("student.firstName", "{{student.lastName}} ${T(java.lang.Runtime)}",
                "student.lastName", "Okafor", "contact.name", "Grace & <b>Daniel</b>");
        String merged = MergeFields.merge("Dear {{contact.name}}, about {{ student.firstName }} {{student.lastName}}; {{letter.note}}.",
                values);
        assertThat(merged).isEqualTo("Dear Grace & <b>Daniel</b>, about {{student.lastName}} ${T(java.lang.Runtime)} Okafor; .");
    }

    @Test
    void anUnknownFieldLeftInOldTextIsNotFilledIn() {
        assertThat(MergeFields.merge("{{student.upn}} {{student.lastName}}", Map.of("student.upn", "A123", "student.lastName", "Okafor")))
                .isEqualTo("{{student.upn}} Okafor");
    }
}
