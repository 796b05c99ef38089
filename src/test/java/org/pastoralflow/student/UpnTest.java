package org.pastoralflow.student;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpnTest {

    @Test
    void acceptsUpnsWhoseCheckLetterMatchesTheirDigits() {
        // from the MIS export made by gen_school.py, which implements the DfE algorithm
        assertThat(Upn.problem("U873400126000")).isNull();
        assertThat(Upn.problem("H873400125000")).isNull();
    }

    @Test
    void computesTheCheckLetterByTheDfeWeights() {
        // digits 8,7,3,4,0,0,1,2,6,0,0,0 weighted 2..13: 16+21+12+20+0+0+8+18+60+0+0+0 = 155; 155 mod 23 = 17 -> 'U'
        assertThat(Upn.checkLetter("873400126000")).isEqualTo('U');
    }

    @Test
    void rejectsAMistypedDigitByItsCheckLetter() {
        assertThat(Upn.problem("U873400126001")).contains("check letter U").contains("mistyped");
    }

    @Test
    void rejectsTheWrongShape() {
        assertThat(Upn.problem("U87340012600")).contains("13 characters");
        assertThat(Upn.problem("1873400126000")).contains("13 characters");
        assertThat(Upn.problem("")).contains("missing");
        assertThat(Upn.problem(null)).contains("missing");
    }

    @Test
    void acceptsATemporaryUpnEndingInALetter() {
        char check = Upn.checkLetter("87340012600A");
        assertThat(Upn.isValid(check + "87340012600A")).isTrue();
    }
}
