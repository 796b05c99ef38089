package org.pastoralflow.workflow.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each cell read by the FEEL engine the DMN engine uses, and named by rule and column when it is wrong. */
class CellChecksTest {

    final CellChecks checks = new CellChecks();

    EditedTable withRule(String risk, String category, String year, String route) throws Exception {
        EditedTable table = TableFiles.read(TableFilesTest.routing(), "referral-routing");
        List<EditedTable.Row> rows = new ArrayList<>(table.rules());
        rows.add(new EditedTable.Row("", "", List.of(risk, category, year), List.of(route)));
        return table.withRules(rows);
    }

    @Test
    void theReleasedTableHasNoProblem() throws Exception {
        assertThat(checks.check(TableFiles.read(TableFilesTest.routing(), "referral-routing"))).isEmpty();
    }

    @Test
    void rightCellsPass() throws Exception {
        assertThat(checks.check(withRule("false", "\"bereavement\",\"young-carer\"", "[7..9]", "\"senco\""))).isEmpty();
        assertThat(checks.check(withRule("-", "not(\"safeguarding\")", "<= 9", ""))).isEmpty();
    }

    @Test
    void eachWrongCellIsNamedByRuleAndColumn() throws Exception {
        Map<String, String> problems = checks.check(withRule("", "\"bereavement", "> abc", "\"senco\""));
        assertThat(problems).containsOnlyKeys("rule5-in2", "rule5-in3");
        assertThat(problems.get("rule5-in2")).startsWith("Rule 5, Category: the engine cannot read this");
        assertThat(problems.get("rule5-in3")).startsWith("Rule 5, Year group:").contains("abc", "double quotes");
    }

    @Test
    void wrongTypesAndValuesOutsideTheAllowedOnesAreProblems() throws Exception {
        Map<String, String> problems = checks.check(withRule("\"yes\"", "\"bereavment\"", "> \"7\"", "\"head\""));
        assertThat(problems.get("rule5-in1")).startsWith("Rule 5, Immediate risk:");
        assertThat(problems.get("rule5-in2")).contains("matches none of the values Category can take");
        assertThat(problems.get("rule5-in3")).startsWith("Rule 5, Year group:").contains("whole number");
        assertThat(problems.get("rule5-out1")).startsWith("Rule 5, Reviewed by:").contains("not one of the allowed values");
        assertThat(checks.check(withRule("", "", "", "7"))).containsKey("rule5-out1");
        assertThat(checks.check(withRule("", "", "", "pso"))).containsKey("rule5-out1");
    }
}
