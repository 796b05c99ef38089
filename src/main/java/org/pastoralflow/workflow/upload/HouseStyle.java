package org.pastoralflow.workflow.upload;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;

/**
 * The style guide's shape of a model (docs/style.md): ids such as {@code Task_DslReview}, {@code Gateway_Route},
 * {@code Timer_ReviewDue}; a name a person recognises on every task and event; every element drawn, so the model
 * opens in the Modeler and shows on the Workflows page and in Cockpit. Reported, never refused: a model drawn in
 * the Modeler has ids like {@code Activity_0x1y2z3} and runs as well.
 */
final class HouseStyle {

    private HouseStyle() {
    }

    static void check(BpmnModelInstance model, List<Finding> found) {
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnElement() != null).map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(e -> e.getBpmnElement() != null).map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            String id = node.getId();
            String prefix = prefixFor(node);
            if (!id.startsWith(prefix) || id.length() == prefix.length()) {
                found.add(Finding.style(id, node.getName(), "would be named " + prefix + "Something"));
            }
            if ((node instanceof Task || node instanceof Event) && (node.getName() == null || node.getName().isBlank())) {
                found.add(Finding.style(id, null, "has no name a person would recognise"));
            }
            if (!shapes.contains(id)) {
                found.add(Finding.style(id, node.getName(), "has no shape in the diagram"));
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!flow.getId().startsWith("Flow_")) {
                found.add(Finding.style(flow.getId(), flow.getName(), "would be named Flow_Something"));
            }
            if (!edges.contains(flow.getId())) {
                found.add(Finding.style(flow.getId(), flow.getName(), "has no edge in the diagram"));
            }
        }
        for (Message m : model.getModelElementsByType(Message.class)) {
            if (!m.getId().startsWith("Message_")) {
                found.add(Finding.style(m.getId(), m.getName(), "would be named Message_Something"));
            }
        }
        for (EventDefinition d : model.getModelElementsByType(EventDefinition.class)) {
            if (d.getId() != null && !d.getId().startsWith("Def_")) {
                found.add(Finding.style(d.getId(), null, "would be named Def_Something"));
            }
        }
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
