package org.pastoralflow.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one list and look-up of the enums a person picks from. */
class CodedTest {

    enum Weather implements Coded {
        SUN("sun", "Sunny"), RAIN("rain", "Raining"), SNOW("snow", "Snowing");

        private final String code;
        private final String label;

        Weather(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    @Test
    void theOptionsAreEveryCodeWithItsLabelInTheOrderDeclared() {
        assertThat(Coded.options(Weather.class)).containsExactly(
                java.util.Map.entry("sun", "Sunny"), java.util.Map.entry("rain", "Raining"), java.util.Map.entry("snow", "Snowing"));
    }

    @Test
    void aCodeFindsItsValueAndAnUnknownCodeIsAMistake() {
        assertThat(Coded.of(Weather.class, "rain")).isEqualTo(Weather.RAIN);
        assertThatThrownBy(() -> Coded.of(Weather.class, "RAIN")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Weather").hasMessageContaining("RAIN");
    }

    @Test
    void theLabelOfAnUnknownCodeIsTheCodeSoAnOldRecordStillShowsSomething() {
        assertThat(Coded.labelOf(Weather.class, "snow")).isEqualTo("Snowing");
        assertThat(Coded.labelOf(Weather.class, "hail")).isEqualTo("hail");
        assertThat(Coded.labelOf(Weather.class, null)).isNull();
    }
}
