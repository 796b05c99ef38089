package org.pastoralflow.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A new catalogue entry's code made from its name when none is typed; a name that makes none is refused, not stored as "". */
class CatalogueCodeTest {

    @Test
    void theNameMakesTheCode() {
        assertThat(Catalogue.codeFrom("Lego therapy")).isEqualTo("lego-therapy");
        assertThat(Catalogue.codeFrom("  Drawing & Talking (1:1) ")).isEqualTo("drawing-talking-1-1");
        assertThat(Catalogue.codeFrom("A very long name for a small group that meets on Fridays")).hasSizeLessThanOrEqualTo(40)
                .doesNotEndWith("-").matches("[a-z0-9-]+");
        assertThat(Catalogue.codeFrom("\uD83D\uDE22")).isEmpty();
    }
}
