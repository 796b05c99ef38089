package org.pastoralflow.workflow.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pastoralflow.workflow.models.ModelDiff.Change;

/** ModelDiff on small hand-made models: each kind of change is found, and an unchanged file has none. */
class ModelDiffTest {

    final ModelDiff diff = new ModelDiff();

    // ---- BPMN ----

    static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         id="Definitions_1" targetNamespace="https://pastoralflow.org/processes">
              <process id="example" name="Example" isExecutable="true" camunda:historyTimeToLive="P400D">
                <startEvent id="Start_Raised" name="Concern raised"/>
                <sequenceFlow id="Flow_ToReview" sourceRef="Start_Raised" targetRef="Task_Review"/>
                <userTask id="Task_Review" name="DSL review" camunda:candidateGroups="dsl" camunda:formKey="referral-dsl-review"
                          camunda:dueDate="${deadlines.fromNow('referral.dsl-review')}"/>
                <boundaryEvent id="Timer_Escalate" name="Review overdue" attachedToRef="Task_Review" cancelActivity="false">
                  <timerEventDefinition><timeDuration>PT24H</timeDuration></timerEventDefinition>
                </boundaryEvent>
                <sequenceFlow id="Flow_ToRecord" sourceRef="Task_Review" targetRef="Gateway_Decision"/>
                <exclusiveGateway id="Gateway_Decision" name="Decision?"/>
                <sequenceFlow id="Flow_Refer" name="Refer" sourceRef="Gateway_Decision" targetRef="Task_Record">
                  <conditionExpression>${decision == 'refer'}</conditionExpression>
                </sequenceFlow>
                <sequenceFlow id="Flow_Close" name="Close" sourceRef="Gateway_Decision" targetRef="End_Done">
                  <conditionExpression>${decision != 'refer'}</conditionExpression>
                </sequenceFlow>
                <serviceTask id="Task_Record" name="Record the referral" camunda:delegateExpression="${recordReferral}"/>
                <sequenceFlow id="Flow_ToEnd" sourceRef="Task_Record" targetRef="End_Done"/>
                <endEvent id="End_Done" name="Done"/>
              </process>
            </definitions>
            """;

    @Test
    void anIdenticalModelHasNoChanges() {
        assertThat(diff.between("example.bpmn", bytes(PROCESS), bytes(PROCESS))).isEmpty();
    }

    @Test
    void layoutAndWhiteSpaceAreNoChange() {
        String reformatted = PROCESS.replace("<sequenceFlow id=\"Flow_ToEnd\"", "\n\n   <sequenceFlow   id=\"Flow_ToEnd\"")
                .replace("</definitions>", "<!-- moved in the Modeler --></definitions>");
        assertThat(diff.between("example.bpmn", bytes(PROCESS), bytes(reformatted))).isEmpty();
    }

    @Test
    void aStepAddedOrRemovedIsNamed() {
        String after = PROCESS.replace("<endEvent id=\"End_Done\" name=\"Done\"/>",
                "<endEvent id=\"End_Done\" name=\"Done\"/><userTask id=\"Task_Check\" name=\"Check in\" camunda:candidateGroups=\"pso\"/>")
                .replace("<serviceTask id=\"Task_Record\" name=\"Record the referral\" camunda:delegateExpression=\"${recordReferral}\"/>", "")
                .replace("<sequenceFlow id=\"Flow_ToEnd\" sourceRef=\"Task_Record\" targetRef=\"End_Done\"/>", "")
                .replace("sourceRef=\"Gateway_Decision\" targetRef=\"Task_Record\"", "sourceRef=\"Gateway_Decision\" targetRef=\"End_Done\"");

        List<Change> changes = diff.between("example.bpmn", bytes(PROCESS), bytes(after));

        assertThat(changes).contains(new Change("Check in (Task_Check)", "added: user task, candidate groups “pso”"),
                new Change("Record the referral (Task_Record)", "removed (service task)"),
                new Change("Flow_ToEnd", "removed (sequence flow)"),
                new Change("Refer (Flow_Refer)", "to changed from “Task_Record” to “End_Done”"));
    }

    @Test
    void aRenameIsARenameNotARemovalAndAnAddition() {
        List<Change> changes = diff.between("example.bpmn", bytes(PROCESS),
                bytes(PROCESS.replace("name=\"DSL review\"", "name=\"Safeguarding review\"")));

        assertThat(changes).containsExactly(new Change("Safeguarding review (Task_Review)", "renamed from “DSL review”"));
    }

    @Test
    void whoTheWorkGoesToItsFormAndItsDueDateAreChanges() {
        String after = PROCESS.replace("camunda:candidateGroups=\"dsl\"", "camunda:candidateGroups=\"dsl,slt\"")
                .replace("camunda:formKey=\"referral-dsl-review\"", "camunda:formKey=\"referral-dsl-review-2\"")
                .replace("referral.dsl-review')", "referral.pso-triage')");

        assertThat(diff.between("example.bpmn", bytes(PROCESS), bytes(after))).containsExactly(
                new Change("DSL review (Task_Review)", "candidate groups changed from “dsl” to “dsl,slt”"),
                new Change("DSL review (Task_Review)", "form changed from “referral-dsl-review” to “referral-dsl-review-2”"),
                new Change("DSL review (Task_Review)", "due date changed from “${deadlines.fromNow('referral.dsl-review')}” "
                        + "to “${deadlines.fromNow('referral.pso-triage')}”"));
    }

    @Test
    void aTimerADelegateAndAConditionAreChanges() {
        String after = PROCESS.replace("PT24H", "PT12H")
                .replace("${recordReferral}", "${recordExternalReferral}")
                .replace("${decision == 'refer'}", "${decision == 'refer' || urgent}");

        assertThat(diff.between("example.bpmn", bytes(PROCESS), bytes(after))).containsExactlyInAnyOrder(
                new Change("Review overdue (Timer_Escalate)", "timer changed from “after PT24H” to “after PT12H”"),
                new Change("Record the referral (Task_Record)", "delegate changed from “${recordReferral}” to “${recordExternalReferral}”"),
                new Change("Refer (Flow_Refer)", "condition changed from “${decision == 'refer'}” to “${decision == 'refer' || urgent}”"));
    }

    @Test
    void aChangedTypeAListenerAndARewiredFlowAreChanges() {
        String after = PROCESS
                .replace("<serviceTask id=\"Task_Record\" name=\"Record the referral\" camunda:delegateExpression=\"${recordReferral}\"/>",
                        "<userTask id=\"Task_Record\" name=\"Record the referral\"><extensionElements>"
                                + "<camunda:executionListener event=\"start\" expression=\"${caseStore.everythingAbout(1)}\"/>"
                                + "</extensionElements></userTask>")
                .replace("<sequenceFlow id=\"Flow_Close\" name=\"Close\" sourceRef=\"Gateway_Decision\" targetRef=\"End_Done\">",
                        "<sequenceFlow id=\"Flow_Close\" name=\"Close\" sourceRef=\"Gateway_Decision\" targetRef=\"Task_Record\">");

        List<Change> changes = diff.between("example.bpmn", bytes(PROCESS), bytes(after));

        assertThat(changes).containsExactlyInAnyOrder(
                new Change("Record the referral (Task_Record)", "changed from a service task to a user task"),
                new Change("Record the referral (Task_Record)", "delegate removed (was “${recordReferral}”)"),
                new Change("Record the referral (Task_Record)", "listeners set to “start ${caseStore.everythingAbout(1)}”"),
                new Change("Close (Flow_Close)", "to changed from “End_Done” to “Task_Record”"));
    }

    @Test
    void theWorkflowsOwnSettingsAreChanges() {
        List<Change> changes = diff.between("example.bpmn", bytes(PROCESS),
                bytes(PROCESS.replace("P400D", "P30D").replace("name=\"Example\"", "name=\"Example workflow\"")));

        assertThat(changes).containsExactly(new Change("Example workflow (example)", "renamed from “Example”"),
                new Change("Example workflow (example)", "history time to live changed from “P400D” to “P30D”"));
    }

    // ---- DMN ----

    static final String TABLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                         id="Definitions_routing" name="Routing" namespace="https://pastoralflow.org/processes">
              <decision id="routing" name="Who reviews a new concern" camunda:historyTimeToLive="P400D">
                <decisionTable id="DecisionTable_Routing" hitPolicy="FIRST">
                  <input id="Input_Category" label="Category">
                    <inputExpression id="InputExpression_Category" typeRef="string"><text>category</text></inputExpression>
                  </input>
                  <input id="Input_Year" label="Year group">
                    <inputExpression id="InputExpression_Year" typeRef="integer"><text>yearGroup</text></inputExpression>
                  </input>
                  <output id="Output_Route" label="Reviewed by" name="route" typeRef="string"/>
                  <rule id="Rule_Safeguarding">
                    <description>Safeguarding goes to the DSL</description>
                    <inputEntry id="Rule_Safeguarding_Category"><text>"safeguarding"</text></inputEntry>
                    <inputEntry id="Rule_Safeguarding_Year"><text></text></inputEntry>
                    <outputEntry id="Rule_Safeguarding_Route"><text>"dsl"</text></outputEntry>
                  </rule>
                  <rule id="Rule_Send">
                    <description>SEND needs go to the SENCO</description>
                    <inputEntry id="Rule_Send_Category"><text>"send"</text></inputEntry>
                    <inputEntry id="Rule_Send_Year"><text></text></inputEntry>
                    <outputEntry id="Rule_Send_Route"><text>"senco"</text></outputEntry>
                  </rule>
                  <rule id="Rule_Otherwise">
                    <inputEntry id="Rule_Otherwise_Category"><text></text></inputEntry>
                    <inputEntry id="Rule_Otherwise_Year"><text></text></inputEntry>
                    <outputEntry id="Rule_Otherwise_Route"><text>"pso"</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    static final String BEREAVEMENT_RULE = """
                  <rule id="Rule_Bereavement">
                    <description>Bereavement in Year 7 goes to the SENCO</description>
                    <inputEntry id="Rule_Bereavement_Category"><text>"bereavement"</text></inputEntry>
                    <inputEntry id="Rule_Bereavement_Year"><text>7</text></inputEntry>
                    <outputEntry id="Rule_Bereavement_Route"><text>"senco"</text></outputEntry>
                  </rule>
            """;

    @Test
    void anIdenticalTableHasNoChanges() {
        assertThat(diff.between("routing.dmn", bytes(TABLE), bytes(TABLE))).isEmpty();
    }

    @Test
    void aRowAddedIsSaidAsASentence() {
        String after = TABLE.replace("      <rule id=\"Rule_Otherwise\">", BEREAVEMENT_RULE + "      <rule id=\"Rule_Otherwise\">");

        assertThat(diff.between("routing.dmn", bytes(TABLE), bytes(after))).containsExactly(new Change(
                "Row 3 (“Bereavement in Year 7 goes to the SENCO”)",
                "added: when Category is \"bereavement\" and Year group is 7 → Reviewed by \"senco\""));
    }

    @Test
    void aRowRemovedIsSaidAsItWas() {
        String after = TABLE.replaceAll("(?s)<rule id=\"Rule_Send\">.*?</rule>", "");

        assertThat(diff.between("routing.dmn", bytes(TABLE), bytes(after))).containsExactly(new Change(
                "Row 2 (“SEND needs go to the SENCO”)", "removed (was: when Category is \"send\" → Reviewed by \"senco\")"));
    }

    @Test
    void aRowChangedIsSaidCellByCell() {
        String after = TABLE.replace("<text>\"send\"</text>", "<text>\"send\",\"bereavement\"</text>")
                .replace("<outputEntry id=\"Rule_Send_Route\"><text>\"senco\"</text>", "<outputEntry id=\"Rule_Send_Route\"><text>\"pso\"</text>")
                .replace("SEND needs go to the SENCO", "SEND and bereavement go to a PSO");

        assertThat(diff.between("routing.dmn", bytes(TABLE), bytes(after))).containsExactly(
                new Change("Row 2 (“SEND and bereavement go to a PSO”)", "Category changed from “\"send\"” to “\"send\",\"bereavement\"”"),
                new Change("Row 2 (“SEND and bereavement go to a PSO”)", "Reviewed by changed from “\"senco\"” to “\"pso\"”"),
                new Change("Row 2 (“SEND and bereavement go to a PSO”)",
                        "annotation changed from “SEND needs go to the SENCO” to “SEND and bereavement go to a PSO”"));
    }

    @Test
    void anEmptyCellIsAny() {
        String after = TABLE.replace("<inputEntry id=\"Rule_Send_Year\"><text></text>", "<inputEntry id=\"Rule_Send_Year\"><text>&lt; 10</text>");

        assertThat(diff.between("routing.dmn", bytes(TABLE), bytes(after))).containsExactly(
                new Change("Row 2 (“SEND needs go to the SENCO”)", "Year group changed from “any” to “< 10”"));
    }

    @Test
    void rowsInANewOrderMatterUnderFirst() {
        String send = TABLE.substring(TABLE.indexOf("      <rule id=\"Rule_Send\">"), TABLE.indexOf("      <rule id=\"Rule_Otherwise\">"));
        String after = TABLE.replace(send, "").replace("      <rule id=\"Rule_Safeguarding\">", send + "      <rule id=\"Rule_Safeguarding\">");

        assertThat(diff.between("routing.dmn", bytes(TABLE), bytes(after))).containsExactly(new Change(
                "Decision Who reviews a new concern (routing)", "rows in a new order: Row 1 (“SEND needs go to the SENCO”), "
                        + "Row 2 (“Safeguarding goes to the DSL”), Row 3"));
    }

    @Test
    void theHitPolicyInputsAndOutputsAreChanges() {
        String after = TABLE.replace("hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\"")
                .replace("label=\"Year group\"", "label=\"Year\"")
                .replace("<output id=\"Output_Route\" label=\"Reviewed by\" name=\"route\" typeRef=\"string\"/>",
                        "<output id=\"Output_Route\" label=\"Reviewed by\" name=\"route\" typeRef=\"string\"/>"
                                + "<output id=\"Output_Urgent\" label=\"Urgent\" name=\"urgent\" typeRef=\"boolean\"/>")
                .replace("<outputEntry id=\"Rule_Safeguarding_Route\"><text>\"dsl\"</text></outputEntry>",
                        "<outputEntry id=\"Rule_Safeguarding_Route\"><text>\"dsl\"</text></outputEntry><outputEntry id=\"U1\"><text>true</text></outputEntry>")
                .replace("<outputEntry id=\"Rule_Send_Route\"><text>\"senco\"</text></outputEntry>",
                        "<outputEntry id=\"Rule_Send_Route\"><text>\"senco\"</text></outputEntry><outputEntry id=\"U2\"><text>false</text></outputEntry>")
                .replace("<outputEntry id=\"Rule_Otherwise_Route\"><text>\"pso\"</text></outputEntry>",
                        "<outputEntry id=\"Rule_Otherwise_Route\"><text>\"pso\"</text></outputEntry><outputEntry id=\"U3\"><text>false</text></outputEntry>");

        assertThat(diff.between("routing.dmn", bytes(TABLE), bytes(after))).containsExactly(
                new Change("Decision Who reviews a new concern (routing)", "hit policy changed from “FIRST” to “UNIQUE”"),
                new Change("Input “Year”", "label changed from “Year group” to “Year”"),
                new Change("Output “Urgent”", "added: label “Urgent”, expression “urgent”, type “boolean”"));
    }

    @Test
    void theFilesOwnModelsAreCompared() throws IOException {
        byte[] routing = Files.readAllBytes(Path.of("processes/referral-routing.dmn"));
        byte[] referral = Files.readAllBytes(Path.of("processes/referral.bpmn"));

        assertThat(diff.between("/somewhere/processes/referral-routing.dmn", routing, routing)).isEmpty();
        assertThat(diff.between("referral.bpmn", referral, referral)).isEmpty();
        assertThatThrownBy(() -> diff.between("notes.txt", routing, routing)).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] bytes(String xml) {
        return xml.strip().getBytes(StandardCharsets.UTF_8);
    }
}
