package org.pastoralflow.workflow.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The editor reads a table out of its file and writes an edited one back, leaving the rest of the file as it was. */
class TableFilesTest {

    static byte[] routing() throws IOException {
        return Files.readAllBytes(Path.of("processes/referral-routing.dmn"));
    }

    @Test
    void readsTheTableAsTheEditorShowsIt() throws IOException {
        EditedTable table = TableFiles.read(routing(), "referral-routing");
        assertThat(table.hitPolicy()).isEqualTo("FIRST");
        assertThat(table.inputs()).extracting(EditedTable.Column::variable).containsExactly("immediateRisk", "category", "yearGroup");
        assertThat(table.inputs().get(1).allowedValues()).startsWith("\"safeguarding\"");
        assertThat(table.outputs()).extracting(EditedTable.Column::variable).containsExactly("route");
        assertThat(table.rules()).extracting(EditedTable.Row::id)
                .containsExactly("Rule_ImmediateRisk", "Rule_Safeguarding", "Rule_Send", "Rule_Otherwise");
        assertThat(table.rules().get(1).inputs()).containsExactly("", "\"safeguarding\"", "");
        assertThat(table.rules().get(2).description()).startsWith("SEND needs go to the SENCO");
    }

    @Test
    void writesRulesAddedMovedAndRemovedAndKeepsEverythingElse() throws IOException {
        EditedTable table = TableFiles.read(routing(), "referral-routing");
        List<EditedTable.Row> rows = new ArrayList<>(table.rules());
        rows.add(2, new EditedTable.Row("", "Bereavement in Year 7: the SENCO knows the family from transition",
                List.of("", "\"bereavement\"", "7"), List.of("\"senco\"")));
        rows.remove(3); // Rule_Send
        EditedTable edited = new EditedTable(table.decisionKey(), table.name(), "UNIQUE", table.inputs(), table.outputs(), rows)
                .withRules(rows);
        String xml = new String(TableFiles.write(routing(), edited), StandardCharsets.UTF_8);

        EditedTable again = TableFiles.read(xml.getBytes(StandardCharsets.UTF_8), "referral-routing");
        assertThat(again.hitPolicy()).isEqualTo("UNIQUE");
        assertThat(again.rules()).hasSize(4);
        assertThat(again.rules().get(0).id()).isEqualTo("Rule_ImmediateRisk");
        assertThat(again.rules().get(2).id()).startsWith("Rule_").isNotIn("Rule_Send", "Rule_Otherwise");
        assertThat(again.rules().get(2).inputs()).containsExactly("", "\"bereavement\"", "7");
        assertThat(again.rules().get(2).outputs()).containsExactly("\"senco\"");
        assertThat(again.rules().get(2).description()).startsWith("Bereavement in Year 7");
        assertThat(again.rules().get(3).id()).isEqualTo("Rule_Otherwise");
        // what the editor does not change is still there: the diagram, the ids, the history time-to-live, the namespaces
        assertThat(xml).contains("DMNShape_referral_routing", "Rule_Safeguarding_Category", "camunda:historyTimeToLive=\"P400D\"",
                "InputValues_Category", "https://www.omg.org/spec/DMN/20191111/MODEL/").doesNotContain("Rule_Send");
    }

    @Test
    void aCollectTableKeepsItsAggregation() throws IOException {
        EditedTable table = TableFiles.read(routing(), "referral-routing");
        EditedTable edited = new EditedTable(table.decisionKey(), table.name(), "COLLECT COUNT", table.inputs(), table.outputs(), table.rules());
        assertThat(TableFiles.read(TableFiles.write(routing(), edited), "referral-routing").hitPolicy()).isEqualTo("COLLECT COUNT");
        assertThat(Map.copyOf(TableFiles.HIT_POLICIES)).containsKeys("FIRST", "UNIQUE", "ANY", "COLLECT SUM", "COLLECT COUNT")
                // the models read every table as one answer: policies that give several are not offered
                .doesNotContainKeys("RULE_ORDER", "COLLECT");
    }
}
