package org.pastoralflow.workflow.upload;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;

/**
 * What the linter (bpmnlint's recommended rules) would say that the engine would not: each process and
 * sub-process has a start and an end, and every step can be reached and leads on. The engine deploys a model
 * with a step no arrow reaches; that step is then simply never done.
 */
final class Lint {

    private Lint() {
    }

    static void check(BpmnModelInstance model, List<Finding> found) {
        for (Process process : model.getModelElementsByType(Process.class)) {
            scope(process, process.getFlowElements(), found);
        }
        for (SubProcess sub : model.getModelElementsByType(SubProcess.class)) {
            scope(sub, sub.getFlowElements(), found);
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            // a compensation handler and an event sub-process are started by an event, not by an arrow
            boolean byEvent = node instanceof Activity a && a.isForCompensation() || node instanceof SubProcess s && s.triggeredByEvent();
            if (byEvent) {
                continue;
            }
            if (node.getIncoming().isEmpty() && !(node instanceof StartEvent) && !(node instanceof BoundaryEvent)) {
                found.add(Finding.refusal(node.getId(), node.getName(), "can never be reached: no arrow leads into it"));
            }
            if (node.getOutgoing().isEmpty() && !(node instanceof EndEvent)) {
                found.add(Finding.refusal(node.getId(), node.getName(), "leads nowhere: draw an arrow to the next step or to an end event"));
            }
        }
    }

    private static void scope(BaseElement scope, Collection<FlowElement> elements, List<Finding> found) {
        String name = scope.getAttributeValue("name");
        if (elements.stream().noneMatch(StartEvent.class::isInstance)) {
            found.add(Finding.refusal(scope.getId(), name, "has no start event"));
        }
        if (elements.stream().noneMatch(EndEvent.class::isInstance)) {
            found.add(Finding.refusal(scope.getId(), name, "has no end event"));
        }
    }
}
