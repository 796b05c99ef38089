package org.pastoralflow.workflow.models;

import static org.pastoralflow.workflow.models.ModelDiff.label;
import static org.pastoralflow.workflow.models.ModelDiff.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.pastoralflow.workflow.models.ModelDiff.Change;

/**
 * The BPMN half of {@link ModelDiff}: every flow element (in sub-processes too) and every process described as
 * the properties that decide what the engine does with it, then compared by id.
 */
final class BpmnChanges {

    /** Camunda attributes that decide behaviour, with the words the page uses for them. */
    private static final Map<String, String> CAMUNDA_ATTRIBUTES = new LinkedHashMap<>();

    static {
        CAMUNDA_ATTRIBUTES.put("candidateGroups", "candidate groups");
        CAMUNDA_ATTRIBUTES.put("candidateUsers", "candidate users");
        CAMUNDA_ATTRIBUTES.put("assignee", "assignee");
        CAMUNDA_ATTRIBUTES.put("formKey", "form");
        CAMUNDA_ATTRIBUTES.put("dueDate", "due date");
        CAMUNDA_ATTRIBUTES.put("followUpDate", "follow-up date");
        CAMUNDA_ATTRIBUTES.put("priority", "priority");
        CAMUNDA_ATTRIBUTES.put("delegateExpression", "delegate");
        CAMUNDA_ATTRIBUTES.put("class", "Java class");
        CAMUNDA_ATTRIBUTES.put("expression", "expression");
        CAMUNDA_ATTRIBUTES.put("topic", "external task topic");
        CAMUNDA_ATTRIBUTES.put("decisionRef", "decision table");
        CAMUNDA_ATTRIBUTES.put("mapDecisionResult", "decision result");
        CAMUNDA_ATTRIBUTES.put("resultVariable", "result variable");
        CAMUNDA_ATTRIBUTES.put("asyncBefore", "wait before (async)");
        CAMUNDA_ATTRIBUTES.put("asyncAfter", "wait after (async)");
        CAMUNDA_ATTRIBUTES.put("historyTimeToLive", "history time to live");
        CAMUNDA_ATTRIBUTES.put("candidateStarterGroups", "who may start it");
    }

    private BpmnChanges() {
    }

    static List<Change> between(BpmnModelInstance before, BpmnModelInstance after) {
        List<Change> changes = new ArrayList<>();
        compareAll(described(before, Process.class), described(after, Process.class), "workflow", changes);
        compareAll(described(before, FlowElement.class), described(after, FlowElement.class), null, changes);
        return changes;
    }

    /** An element's words (its label) and its properties. */
    private record Described(String label, String name, String type, Map<String, String> properties) {
    }

    private static void compareAll(Map<String, Described> before, Map<String, Described> after, String kind,
                                   List<Change> changes) {
        after.forEach((id, now) -> {
            Described was = before.get(id);
            if (was == null) {
                changes.add(new Change(now.label(), "added: " + summary(now)));
                return;
            }
            if (!was.type().equals(now.type())) {
                changes.add(new Change(now.label(), "changed from " + article(was.type()) + " to " + article(now.type())));
            }
            if (!Objects.equals(was.name(), now.name())) {
                changes.add(new Change(now.label(), was.name() == null ? "named"
                        : "renamed from " + ModelDiff.quote(was.name()) + (now.name() == null ? " to no name" : "")));
            }
            ModelDiff.compare(now.label(), was.properties(), now.properties(), changes);
        });
        before.forEach((id, was) -> {
            if (!after.containsKey(id)) {
                changes.add(new Change(was.label(), "removed (" + (kind == null ? was.type() : kind) + ")"));
            }
        });
    }

    private static String summary(Described element) {
        String properties = element.properties().entrySet().stream()
                .map(e -> e.getKey() + " " + ModelDiff.quote(e.getValue())).collect(Collectors.joining(", "));
        return element.type() + (properties.isEmpty() ? "" : ", " + properties);
    }

    private static <T extends BaseElement> Map<String, Described> described(BpmnModelInstance model, Class<T> type) {
        Map<String, Described> byId = new LinkedHashMap<>();
        for (T element : model.getModelElementsByType(type)) {
            if (element.getId() != null) {
                String name = text(element.getAttributeValue("name"));
                byId.put(element.getId(), new Described(label(name, element.getId()), name,
                        words(element.getElementType().getTypeName()), properties(element)));
            }
        }
        return byId;
    }

    private static Map<String, String> properties(BaseElement element) {
        Map<String, String> p = new LinkedHashMap<>();
        CAMUNDA_ATTRIBUTES.forEach((attribute, words) ->
                put(p, words, element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, attribute)));
        put(p, "called workflow", element.getAttributeValue("calledElement"));
        if (element instanceof SequenceFlow flow) {
            put(p, "from", idOf(flow.getSource()));
            put(p, "to", idOf(flow.getTarget()));
            put(p, "condition", flow.getConditionExpression() == null ? null : flow.getConditionExpression().getTextContent());
        }
        if (element instanceof BoundaryEvent boundary) {
            put(p, "attached to", idOf(boundary.getAttachedTo()));
            put(p, "interrupting", boundary.cancelActivity() ? "yes" : "no");
        }
        String defaultFlow = element.getAttributeValue("default");
        put(p, "default path", defaultFlow);
        if (element instanceof ScriptTask script) {
            put(p, "script", script.getScriptFormat() + ": " + (script.getScript() == null ? "" : script.getScript().getTextContent()));
        }
        if (element instanceof CatchEvent event) {
            event.getEventDefinitions().forEach(d -> eventDefinition(d, p));
        }
        if (element instanceof ThrowEvent event) {
            event.getEventDefinitions().forEach(d -> eventDefinition(d, p));
        }
        if (element instanceof Activity activity && activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop) {
            put(p, "repeated", (loop.isSequential() ? "one after another" : "side by side") + " for each in "
                    + loop.getCamundaCollection());
        }
        if (element.getExtensionElements() != null) {
            extensions(element.getExtensionElements().getElements(), p);
        }
        return p;
    }

    private static void eventDefinition(EventDefinition definition, Map<String, String> p) {
        if (definition instanceof TimerEventDefinition timer) {
            ModelElementInstance when = timer.getTimeDuration() != null ? timer.getTimeDuration()
                    : timer.getTimeDate() != null ? timer.getTimeDate() : timer.getTimeCycle();
            String kind = timer.getTimeDuration() != null ? "after " : timer.getTimeDate() != null ? "at " : "every ";
            put(p, "timer", when == null ? "(none)" : kind + when.getTextContent());
        } else if (definition instanceof MessageEventDefinition message) {
            put(p, "message", message.getMessage() == null ? "(none)" : message.getMessage().getName());
        } else if (definition instanceof SignalEventDefinition signal) {
            put(p, "signal", signal.getSignal() == null ? "(none)" : signal.getSignal().getName());
        } else if (definition instanceof ErrorEventDefinition error) {
            put(p, "error", error.getError() == null ? "(any)" : error.getError().getErrorCode());
        } else if (definition instanceof ConditionalEventDefinition conditional) {
            put(p, "condition", conditional.getCondition() == null ? null : conditional.getCondition().getTextContent());
        } else {
            put(p, "event", words(definition.getElementType().getTypeName()));
        }
    }

    /** Listeners, input and output mappings and properties: each can change what the step does. */
    private static void extensions(Collection<ModelElementInstance> elements, Map<String, String> p) {
        List<String> listeners = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        for (ModelElementInstance e : elements) {
            if (e instanceof CamundaExecutionListener l) {
                listeners.add(l.getCamundaEvent() + " " + firstOf(l.getCamundaDelegateExpression(), l.getCamundaExpression(),
                        l.getCamundaClass(), l.getCamundaScript() == null ? null : "script"));
            } else if (e instanceof CamundaTaskListener l) {
                listeners.add("task " + l.getCamundaEvent() + " " + firstOf(l.getCamundaDelegateExpression(),
                        l.getCamundaExpression(), l.getCamundaClass(), l.getCamundaScript() == null ? null : "script"));
            }
            if (e instanceof CamundaInputOutput io) {
                io.getCamundaInputParameters().forEach(i -> inputs.add(i.getCamundaName() + " = " + text(i.getTextContent())));
                io.getCamundaOutputParameters().forEach(o -> outputs.add(o.getCamundaName() + " = " + text(o.getTextContent())));
            }
            if (e instanceof CamundaProperties ps) {
                ps.getCamundaProperties().forEach(prop -> properties.add(prop.getCamundaName() + " = " + prop.getCamundaValue()));
            }
        }
        put(p, "listeners", String.join("; ", listeners));
        put(p, "inputs", String.join("; ", inputs));
        put(p, "outputs", String.join("; ", outputs));
        put(p, "properties", String.join("; ", properties));
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return "";
    }

    /** A reference to another element by its id: renaming that element is its change, not this one's. */
    private static String idOf(BaseElement element) {
        return element == null ? null : element.getId();
    }

    private static void put(Map<String, String> properties, String words, String value) {
        String v = text(value);
        if (v != null) {
            properties.put(words, v);
        }
    }

    /** "userTask" → "user task". */
    static String words(String camelCase) {
        return camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

    private static String article(String noun) {
        // "an end event", "an exclusive gateway", but "a user task"
        return ("aeio".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
