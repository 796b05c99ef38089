package org.pastoralflow.workflow.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Each refusal of {@link ModelChecks}, on the shipped contact follow-up model changed in one place, against an
 * application made up here (no Spring, no engine: the engine's parser is asked in ModelUploadIntegrationTest).
 */
class ModelChecksTest {

    static final String TASK = "camunda:formKey=\"app:family/follow-up\" camunda:assignee=\"${loggedBy}\" camunda:dueDate=\"${followUpDue}\"";
    static final String INCOMING = "<bpmn:incoming>Flow_Logged</bpmn:incoming>";

    final ApplicationParts parts = new ApplicationParts(Set.of("app:family/follow-up", "app:referral/dsl-review"),
            Set.of("caseStore", "recordConcern", "contactFollowUpReminder", "contactFollowUpLate", "deadlines", "processEngine",
                    "transitionDates")::contains,
            Set.of("recordConcern", "contactFollowUpReminder", "contactFollowUpLate")::contains, Set.of("contact-follow-up", "referral"),
            Set.of("referral-routing"));
    final ModelChecks checks = new ModelChecks(parts, (name, xml) -> List.of());

    static String original() throws IOException {
        return Files.readString(Path.of("processes/contact-follow-up.bpmn"));
    }

    List<Finding> check(String xml) {
        return checks.check(null, xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The refusals, as "element: message" lines. */
    String refusals(String xml) {
        return check(xml).stream().filter(Finding::refuses).map(Finding::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void theShippedModelPassesWithNothingToSay() throws IOException {
        assertThat(check(original())).isEmpty();
        assertThat(checks.check("contact-follow-up.bpmn", original().getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aScriptTaskIsRefused() throws IOException {
        String xml = original().replace("bpmn:userTask", "bpmn:scriptTask").replace(TASK, "scriptFormat=\"groovy\"")
                .replace("<bpmn:outgoing>Flow_Done</bpmn:outgoing>\n    </bpmn:scriptTask>",
                        "<bpmn:outgoing>Flow_Done</bpmn:outgoing><bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>");
        assertThat(refusals(xml)).contains("\u201cFollow up the contact with home\u201d (Task_FollowUp): is a script task");
    }

    @Test
    void listenersAreRefused() throws IOException {
        String execution = original().replace(INCOMING, "<bpmn:extensionElements><camunda:executionListener event=\"start\" "
                + "delegateExpression=\"${recordConcern}\" /></bpmn:extensionElements>" + INCOMING);
        assertThat(refusals(execution)).contains("(Task_FollowUp): has an execution listener");
        String task = original().replace(INCOMING, "<bpmn:extensionElements><camunda:taskListener event=\"create\" "
                + "expression=\"${loggedBy}\" /></bpmn:extensionElements>" + INCOMING);
        assertThat(refusals(task)).contains("(Task_FollowUp): has a task listener");
    }

    @Test
    void anExpressionReachingABeanIsRefusedNamingTheElementAndTheExpression() throws IOException {
        String xml = original().replace("${followUpDue}", "${caseStore.everythingAbout(1)}");
        assertThat(refusals(xml)).contains("(Task_FollowUp): has the expression \u201c${caseStore.everythingAbout(1)}\u201d, which calls "
                + "caseStore, a part of the application that models may not call");
    }

    @Test
    void theEngineAndReflectionAreOutOfReach() throws IOException {
        assertThat(refusals(original().replace("${loggedBy}", "${execution.processEngineServices.runtimeService}")))
                .contains("${execution.processEngineServices.runtimeService}", "uses execution, which reaches into the engine");
        assertThat(refusals(original().replace("${loggedBy}", "${task.execution}"))).contains("uses task");
        assertThat(refusals(original().replace("${loggedBy}", "${authenticatedUserId}"))).contains("uses authenticatedUserId");
        assertThat(refusals(original().replace("${loggedBy}", "${loggedBy.getClass().forName('java.lang.Runtime')}")))
                .contains("calls the method getClass()", "calls the method forName()");
        assertThat(refusals(original().replace("${loggedBy}", "${loggedBy.class}"))).contains("reads .class");
        assertThat(refusals(original().replace("${loggedBy}", "${loggedBy['class']}"))).contains("a name in brackets");
        assertThat(refusals(original().replace("${loggedBy}", "${now()}"))).contains("calls the function now()");
        assertThat(refusals(original().replace("${loggedBy}", "#{processEngine}"))).contains("uses processEngine");
        assertThat(refusals(original().replace("${loggedBy}", "${deadlines}"))).contains("uses deadlines itself");
        assertThat(refusals(original().replace("${followUpDue}", "${deadlines.calendar()}")))
                .contains("calls deadlines.calendar(), which is not one of the methods a model may call on deadlines");
        assertThat(refusals(original().replace("${followUpDue}", "${deadlines.zone}"))).contains("reads deadlines.zone");
        assertThat(refusals(original().replace("${followUpDue}", "${followUpDue ==}"))).contains("is not an expression the engine can read");
    }

    @Test
    void variablesPublishedMethodsAndQuestionsAboutValuesAreAllowed() throws IOException {
        for (String fine : List.of("${deadlines.fromNow('referral.dsl-review')}", "${transitionDates.cpFileDue(entryYear)}",
                "${ids.isEmpty() ? followUpDue : deadlines.endOfDayFromNow('x')}", "${list[0]}", "${due.time > 0}")) {
            assertThat(refusals(original().replace("${followUpDue}", fine))).as(fine).isEmpty();
        }
    }

    @Test
    void theFormMustBeOneTheApplicationHas() throws IOException {
        assertThat(refusals(original().replace("app:family/follow-up", "app:no-such-form")))
                .contains("(Task_FollowUp): has the form \u201capp:no-such-form\u201d, which this application does not have");
    }

    @Test
    void aTaskGoesToAGroupThatExistsOrToSomeone() throws IOException {
        assertThat(refusals(original().replace("camunda:assignee=\"${loggedBy}\"", "camunda:candidateGroups=\"pso, leadership\"")))
                .contains("is offered to \u201cleadership\u201d, which is not a group").doesNotContain("\u201cpso\u201d");
        assertThat(refusals(original().replace("camunda:assignee=\"${loggedBy}\"", "")))
                .contains("is offered to no one");
        assertThat(refusals(original().replace("camunda:assignee=\"${loggedBy}\"", "camunda:candidateGroups=\"${ownerGroup}\""))).isEmpty();
    }

    @Test
    void aServiceTaskCallsOneOfTheApplicationsDelegates() throws IOException {
        assertThat(refusals(service("camunda:delegateExpression=\"${recordConcern}\""))).isEmpty();
        assertThat(refusals(service("camunda:delegateExpression=\"${noSuchDelegate}\"")))
                .contains("(Task_FollowUp): calls ${noSuchDelegate}, which is not one of this application's delegates");
        assertThat(refusals(service("camunda:delegateExpression=\"${caseStore}\""))).contains("calls ${caseStore}, which is not one");
        assertThat(refusals(service("camunda:delegateExpression=\"${recordConcern.execute(null)}\"")))
                .contains("must call one of the application's delegates as ${beanName}");
        assertThat(refusals(service("camunda:class=\"java.lang.Runtime\""))).contains("names Java code (camunda:class=");
        assertThat(refusals(service("camunda:expression=\"${loggedBy}\""))).contains("(camunda:expression)");
        assertThat(refusals(service("camunda:type=\"external\" camunda:topic=\"x\""))).contains("external worker");
        assertThat(refusals(service(""))).contains("does nothing");
    }

    String service(String implementation) throws IOException {
        return original().replace("bpmn:userTask", "bpmn:serviceTask").replace(TASK, implementation);
    }

    @Test
    void scriptsAnywhereAreRefused() throws IOException {
        String inputScript = original().replace(INCOMING, "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter "
                + "name=\"x\"><camunda:script scriptFormat=\"javascript\">1</camunda:script></camunda:inputParameter>"
                + "</camunda:inputOutput></bpmn:extensionElements>" + INCOMING);
        assertThat(refusals(inputScript)).contains("(Task_FollowUp): holds a script (camunda:script)");
        String inputExpression = original().replace(INCOMING, "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter "
                + "name=\"x\">${caseStore.all()}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>" + INCOMING);
        assertThat(refusals(inputExpression)).contains("${caseStore.all()}");
        String scriptCondition = original().replace("<bpmn:sequenceFlow id=\"Flow_Done\" sourceRef=\"Task_FollowUp\" targetRef=\"End_FollowedUp\" />",
                "<bpmn:sequenceFlow id=\"Flow_Done\" sourceRef=\"Task_FollowUp\" targetRef=\"End_FollowedUp\"><bpmn:conditionExpression "
                        + "xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\">true</bpmn:conditionExpression></bpmn:sequenceFlow>")
                ;
        if (!scriptCondition.contains("xmlns:xsi=")) {
            scriptCondition = scriptCondition.replace("<bpmn:definitions ", "<bpmn:definitions xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ");
        }
        assertThat(refusals(scriptCondition)).contains("Flow_Done: has a condition or expression written as a groovy script");
    }

    @Test
    void aTimerMustBeOneTheEngineCanRead() throws IOException {
        assertThat(refusals(withTimer("<bpmn:timeDuration>PT2 hours</bpmn:timeDuration>")))
                .contains("\u201cNo follow-up\u201d (Timer_NoFollowUp): has the timer duration \u201cPT2 hours\u201d, which the engine cannot read");
        assertThat(refusals(withTimer("<bpmn:timeDate>next Tuesday</bpmn:timeDate>"))).contains("timer date \u201cnext Tuesday\u201d");
        assertThat(refusals(withTimer("<bpmn:timeCycle>every day</bpmn:timeCycle>"))).contains("timer cycle");
        assertThat(refusals(withTimer(""))).contains("is a timer with no time");
        for (String fine : List.of("<bpmn:timeDuration>P3D</bpmn:timeDuration>", "<bpmn:timeDate>2026-09-01T09:00:00</bpmn:timeDate>",
                "<bpmn:timeCycle>R3/PT1H</bpmn:timeCycle>", "<bpmn:timeCycle>0 0 6 ? * MON</bpmn:timeCycle>",
                "<bpmn:timeDate>${deadlines.fromNow('x')}</bpmn:timeDate>")) {
            assertThat(refusals(withTimer(fine))).as(fine).isEmpty();
        }
    }

    static String withTimer(String time) throws IOException {
        return original().replace("  </bpmn:process>", "<bpmn:boundaryEvent id=\"Timer_NoFollowUp\" name=\"No follow-up\" "
                + "attachedToRef=\"Task_FollowUp\"><bpmn:outgoing>Flow_NoFollowUp</bpmn:outgoing><bpmn:timerEventDefinition "
                + "id=\"Def_NoFollowUp\">" + time + "</bpmn:timerEventDefinition></bpmn:boundaryEvent>"
                + "<bpmn:sequenceFlow id=\"Flow_NoFollowUp\" sourceRef=\"Timer_NoFollowUp\" targetRef=\"End_FollowedUp\" /></bpmn:process>");
    }

    @Test
    void theKeyMustBeAWorkflowTheApplicationRuns() throws IOException {
        assertThat(refusals(original().replace("bpmn:process id=\"contact-follow-up\"", "bpmn:process id=\"my-new-workflow\"")))
                .contains("(my-new-workflow): is not a workflow this application runs", "a new key would start nothing");
    }

    @Test
    void aBusinessRuleTaskAsksADeployedTable() throws IOException {
        String rule = original().replace("bpmn:userTask", "bpmn:businessRuleTask").replace(TASK,
                "camunda:decisionRef=\"DECISION\" camunda:resultVariable=\"route\" camunda:mapDecisionResult=\"singleEntry\"");
        assertThat(refusals(rule.replace("DECISION", "referral-routing"))).isEmpty();
        assertThat(refusals(rule.replace("DECISION", "no-such-table"))).contains("asks the decision table \u201cno-such-table\u201d, which is not deployed");
    }

    @Test
    void historyTimeToLiveAndAPathThatEnds() throws IOException {
        assertThat(refusals(original().replace(" camunda:historyTimeToLive=\"P400D\"", ""))).contains("has no history time-to-live");
        String dangling = original().replace("<bpmn:sequenceFlow id=\"Flow_Done\" sourceRef=\"Task_FollowUp\" targetRef=\"End_FollowedUp\" />", "");
        assertThat(refusals(dangling)).contains("refers to something it does not contain"); // the task still names the arrow
        String noEnd = dangling.replace("<bpmn:outgoing>Flow_Done</bpmn:outgoing>", "").replace("<bpmn:incoming>Flow_Done</bpmn:incoming>", "");
        assertThat(refusals(noEnd)).contains("(Task_FollowUp): leads nowhere", "(End_FollowedUp): can never be reached");
        String eventSubProcess = original().replace("  </bpmn:process>", "<bpmn:subProcess id=\"SubProcess_Cancelled\" name=\"Cancelled\" "
                + "triggeredByEvent=\"true\"><bpmn:startEvent id=\"Start_Cancelled\" name=\"Cancelled\"><bpmn:outgoing>Flow_Cancelled</bpmn:outgoing>"
                + "<bpmn:messageEventDefinition id=\"Def_Cancelled\" messageRef=\"Message_Cancelled\" /></bpmn:startEvent>"
                + "<bpmn:endEvent id=\"End_Cancelled\" name=\"Cancelled\"><bpmn:incoming>Flow_Cancelled</bpmn:incoming></bpmn:endEvent>"
                + "<bpmn:sequenceFlow id=\"Flow_Cancelled\" sourceRef=\"Start_Cancelled\" targetRef=\"End_Cancelled\" /></bpmn:subProcess>"
                + "</bpmn:process><bpmn:message id=\"Message_Cancelled\" name=\"cancelled\" />");
        assertThat(refusals(eventSubProcess)).as("an event sub-process starts by its event").isEmpty();
    }

    @Test
    void notXmlAndEntitiesAreRefusedBeforeAnyParserFetchesAnything() {
        assertThat(refusals("this is not a model")).contains("The file: is not well-formed XML");
        assertThat(refusals("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))
                .contains("has a DOCTYPE declaration").doesNotContain("root:");
        assertThat(refusals("<html><body>hello</body></html>")).contains("is XML but not a BPMN model");
    }

    @Test
    void houseStyleIsReportedButRefusesNothing() throws IOException {
        String modeler = original().replace("Task_FollowUp", "Activity_0x1y2z3");
        List<Finding> found = check(modeler);
        assertThat(ModelChecks.passes(found)).isTrue();
        assertThat(found).extracting(Finding::toString).contains("\u201cFollow up the contact with home\u201d (Activity_0x1y2z3): would be named "
                + "Task_Something");
        assertThat(checks.check("contact-follow-up-2.bpmn", original().getBytes(StandardCharsets.UTF_8)))
                .extracting(Finding::message).contains("is in contact-follow-up-2.bpmn; the process id is the file's name");
    }
}
