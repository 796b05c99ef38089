package org.pastoralflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.pastoralflow.security.Group;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every model in processes/ against the style guide and the application it runs in: ids of the form
 * {@code Task_…}, {@code Gateway_…}; every user task has a form this application knows and a
 * candidate group or assignee; every service task calls a delegate bean that exists; no script
 * tasks and no listeners (an expression in a model can reach any bean, so models call only
 * delegates); a history time-to-live; and the diagram information the Modeler and Cockpit need.
 */
@PostgresIntegrationTest
class ProcessModelsTest {

    static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)}$");
    static final Set<String> GROUPS = Arrays.stream(Group.values()).map(Group::id).collect(Collectors.toSet());

    @Autowired ApplicationContext context;
    @Autowired List<TaskForm> forms;

    static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    @Test
    void everyModelFollowsTheStyleGuideAndUsesOnlyWhatTheApplicationHas() throws IOException {
        Set<String> formKeys = forms.stream().map(f -> "app:" + f.key()).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        List<Path> models = models();
        assertThat(models).hasSizeGreaterThanOrEqualTo(8);
        for (Path file : models) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            String name = file.getFileName().toString().replace(".bpmn", "");
            problems.addAll(check(name, model, formKeys));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckFindsWhatIsWrong() {
        BpmnModelInstance bad = Bpmn.createExecutableProcess("bad").startEvent("StartEvent_1").userTask("UserTask_1")
                .camundaFormKey("app:no-such-form").serviceTask("Task_Delegate").camundaDelegateExpression("${noSuchBean}")
                .scriptTask("Task_Script").scriptFormat("groovy").scriptText("1").endEvent("End_Done").name("Done").done();
        // the builder sets a time-to-live and draws every element: take them away
        bad.getModelElementsByType(Process.class).forEach(p -> p.setCamundaHistoryTimeToLiveString(null));
        BpmnShape shape = bad.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnElement() != null && "Task_Delegate".equals(s.getBpmnElement().getId())).findFirst().orElseThrow();
        shape.getParentElement().removeChildElement(shape);
        List<String> problems = check("bad", bad, Set.of());
        assertThat(String.join("\n", problems)).contains("StartEvent_1", "UserTask_1", "app:no-such-form", "no candidate group or assignee",
                "noSuchBean", "script task", "history time-to-live", "Task_Delegate has no shape");
    }

    List<String> check(String file, BpmnModelInstance model, Set<String> formKeys) {
        List<String> problems = new ArrayList<>();
        for (Process p : model.getModelElementsByType(Process.class)) {
            if (!p.getId().equals(file)) {
                problems.add(file + ": process id " + p.getId() + " is not the file's name");
            }
            if (p.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(file + ": " + p.getId() + " has no history time-to-live");
            }
        }
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnElement() != null).map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(e -> e.getBpmnElement() != null).map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            String id = node.getId();
            String prefix = prefixFor(node);
            if (!id.startsWith(prefix) || id.length() == prefix.length()) {
                problems.add(file + ": " + id + " should be named " + prefix + "Something");
            }
            if ((node instanceof Task || node instanceof Event) && (node.getName() == null || node.getName().isBlank())) {
                problems.add(file + ": " + id + " has no name a person would recognise");
            }
            if (!shapes.contains(id)) {
                problems.add(file + ": " + id + " has no shape in the diagram");
            }
            if (node instanceof ScriptTask) {
                problems.add(file + ": " + id + " is a script task");
            }
            if (node.getExtensionElements() != null
                    && (!node.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list().isEmpty()
                    || !node.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().isEmpty())) {
                problems.add(file + ": " + id + " has a listener");
            }
            if (node instanceof UserTask task) {
                if (task.getCamundaFormKey() == null || !formKeys.contains(task.getCamundaFormKey())) {
                    problems.add(file + ": " + id + " has form " + task.getCamundaFormKey() + ", which no TaskForm bean has");
                }
                String groups = task.getCamundaCandidateGroups();
                if ((groups == null || groups.isBlank()) && (task.getCamundaAssignee() == null || task.getCamundaAssignee().isBlank())
                        && (task.getCamundaCandidateUsers() == null || task.getCamundaCandidateUsers().isBlank())) {
                    problems.add(file + ": " + id + " has no candidate group or assignee");
                } else if (groups != null && !groups.contains("${")) {
                    Arrays.stream(groups.split(",")).map(String::trim).filter(g -> !GROUPS.contains(g))
                            .forEach(g -> problems.add(file + ": " + id + " is offered to " + g + ", which is not a group"));
                }
            }
            if (node instanceof ServiceTask task) {
                String expression = task.getCamundaDelegateExpression();
                Matcher bean = expression == null ? null : BEAN.matcher(expression);
                if (bean == null || !bean.matches()) {
                    problems.add(file + ": " + id + " must call a delegate as ${beanName}, not " + expression);
                } else if (!context.containsBean(bean.group(1))) {
                    problems.add(file + ": " + id + " calls ${" + bean.group(1) + "}, which is not a bean");
                }
                if (task.getCamundaClass() != null || task.getCamundaExpression() != null) {
                    problems.add(file + ": " + id + " uses camunda:class or camunda:expression");
                }
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!flow.getId().startsWith("Flow_")) {
                problems.add(file + ": " + flow.getId() + " should be named Flow_Something");
            }
            if (!edges.contains(flow.getId())) {
                problems.add(file + ": " + flow.getId() + " has no edge in the diagram");
            }
        }
        for (Message m : model.getModelElementsByType(Message.class)) {
            if (!m.getId().startsWith("Message_")) {
                problems.add(file + ": " + m.getId() + " should be named Message_Something");
            }
        }
        for (EventDefinition d : model.getModelElementsByType(EventDefinition.class)) {
            if (d.getId() != null && !d.getId().startsWith("Def_")) {
                problems.add(file + ": " + d.getId() + " should be named Def_Something");
            }
        }
        return problems;
    }

    static String prefixFor(BaseElement node) {
        if (node instanceof Task || node instanceof BusinessRuleTask) {
            return "Task_";
        }
        if (node instanceof Gateway) {
            return "Gateway_";
        }
        if (node instanceof StartEvent) {
            return "Start_";
        }
        if (node instanceof EndEvent) {
            return "End_";
        }
        if (node instanceof SubProcess) {
            return "SubProcess_";
        }
        if ((node instanceof BoundaryEvent || node instanceof IntermediateCatchEvent)
                && !((Event) node).getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
            return "Timer_";
        }
        return "Event_";
    }
}
