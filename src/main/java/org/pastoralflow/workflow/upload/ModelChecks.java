package org.pastoralflow.workflow.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.ModelException;
import org.pastoralflow.security.Group;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The one set of rules a model must keep to run in this application: the models shipped in {@code processes/}
 * (ProcessModelsTest) and every model an administrator uploads or restores are checked by it.
 * <p>
 * Refused: a file that is not BPMN, or that the engine's own parser refuses; a process key the application does
 * not start; a user task whose form the application does not have, or offered to no one or to a group that does
 * not exist; a service task that does not call one of the application's delegates; a decision table that is not
 * deployed; a timer the engine cannot read; and anything that runs code the application did not write (script
 * tasks, scripts anywhere, listeners, Java classes, external workers, expressions that reach beyond process
 * variables and the published beans: {@link ExpressionRules}, ADR 0029). Also a path that can never be reached or
 * never ends, as the linter would say. The house style (ids such as {@code Task_DslReview}, names a person
 * recognises, every element drawn) is reported too, and refuses nothing.
 */
public final class ModelChecks {

    /** The engine's own parser: what it would refuse to deploy, as findings. */
    @FunctionalInterface
    public interface EngineParse {
        List<Finding> problems(String resourceName, byte[] xml);
    }

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMN_DI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** The engine still reads the extensions of its Activiti ancestor, under this namespace. */
    static final String ACTIVITI = "http://activiti.org/bpmn";

    static final Pattern BEAN = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
    static final Set<String> GROUPS = Arrays.stream(Group.values()).map(Group::id).collect(Collectors.toSet());

    private final ApplicationParts parts;
    private final EngineParse engine;
    private final ExpressionRules expressions;

    public ModelChecks(ApplicationParts parts, EngineParse engine) {
        this.parts = parts;
        this.engine = engine;
        this.expressions = new ExpressionRules(parts.isBean());
    }

    /**
     * Everything found in the file. {@code fileName} is the name it has in {@code processes/} (its process id must
     * be that name), or null for an upload, whose name is made from its process key.
     */
    public List<Finding> check(String fileName, byte[] xml) {
        List<Finding> found = new ArrayList<>();
        Document document = safeDocument(xml, found);
        if (document == null) {
            return found;
        }
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
        } catch (ModelException e) {
            found.add(Finding.refusal(null, null, "is not a BPMN model the Camunda Modeler would save: " + e.getMessage()));
            return found;
        }
        List<Process> processes = model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList();
        if (processes.size() != 1) {
            found.add(Finding.refusal(null, null, "has " + processes.size() + " executable processes; a file holds one workflow, "
                    + "marked executable"));
            return found;
        }
        Process process = processes.get(0);
        found.addAll(engine.problems((fileName == null ? process.getId() + ".bpmn" : fileName), xml));
        process(process, fileName, found);
        new CodeInTheFile(expressions, parts.isDelegate()).walk(document.getDocumentElement(), found);
        try {
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                node(node, found);
            }
            for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
                Timers.check(timer, found);
            }
            Lint.check(model, found);
            HouseStyle.check(model, found);
        } catch (ModelException e) {
            // the model API reads references lazily: one that points at nothing (a diagram edge of a deleted flow) shows here
            found.add(Finding.refusal(null, null, "refers to something it does not contain: " + e.getMessage()));
        }
        return found;
    }

    /** The model in the file, read only once the file is known to be safe XML; null when it is not a readable model. */
    public static BpmnModelInstance readSafely(byte[] xml) {
        if (safeDocument(xml, new ArrayList<>()) == null) {
            return null;
        }
        try {
            return Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
        } catch (ModelException e) {
            return null;
        }
    }

    /** Whether nothing found refuses the model. */
    public static boolean passes(List<Finding> found) {
        return found.stream().noneMatch(Finding::refuses);
    }

    /**
     * The file read as XML with nothing fetched: a DOCTYPE (and so any entity, external or expanding) is refused
     * before any other parser sees the file. The Modeler never writes one.
     */
    static Document safeDocument(byte[] xml, List<Finding> found) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new ByteArrayInputStream(xml));
            Element root = document.getDocumentElement();
            if (!BPMN.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
                found.add(Finding.refusal(null, null, "is XML but not a BPMN model (a .bpmn file from the Camunda Modeler starts with "
                        + "bpmn:definitions)"));
                return null;
            }
            return document;
        } catch (SAXException e) {
            String why = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "has a DOCTYPE declaration, which could make the server read other files; the Modeler never writes one"
                    : "is not well-formed XML (" + e.getMessage() + ")";
            found.add(Finding.refusal(null, null, why));
            return null;
        } catch (IOException | ParserConfigurationException e) {
            found.add(Finding.refusal(null, null, "could not be read (" + e.getMessage() + ")"));
            return null;
        }
    }

    private void process(Process process, String fileName, List<Finding> found) {
        String id = process.getId();
        if (!parts.processKeys().contains(id)) {
            found.add(Finding.refusal(id, process.getName(), "is not a workflow this application runs: the application starts each "
                    + "workflow by its key from its own pages, so a new key would start nothing. Keep the process id of the model "
                    + "you changed (one of " + String.join(", ", parts.processKeys().stream().sorted().toList()) + ")"));
        }
        if (process.getCamundaHistoryTimeToLiveString() == null || process.getCamundaHistoryTimeToLiveString().isBlank()) {
            found.add(Finding.refusal(id, process.getName(), "has no history time-to-live (the engine needs it to clear old history; "
                    + "set it in the Modeler's process properties, as the shipped model has it)"));
        }
        if (fileName != null && !id.equals(fileName.replaceFirst("\\.bpmn$", ""))) {
            found.add(Finding.style(id, process.getName(), "is in " + fileName + "; the process id is the file's name"));
        }
    }

    private void node(FlowNode node, List<Finding> found) {
        String id = node.getId();
        String name = node.getName();
        if (node instanceof UserTask task) {
            form(task.getCamundaFormKey(), id, name, found);
            String groups = task.getCamundaCandidateGroups();
            if (blank(groups) && blank(task.getCamundaAssignee()) && blank(task.getCamundaCandidateUsers())) {
                found.add(Finding.refusal(id, name, "is offered to no one: give it a candidate group (" + String.join(", ",
                        GROUPS.stream().sorted().toList()) + ") or an assignee"));
            } else if (!blank(groups) && !ExpressionRules.hasExpression(groups)) {
                Arrays.stream(groups.split(",")).map(String::trim).filter(g -> !GROUPS.contains(g)).forEach(g -> found.add(
                        Finding.refusal(id, name, "is offered to \u201c" + g + "\u201d, which is not a group of this application ("
                                + String.join(", ", GROUPS.stream().sorted().toList()) + ")")));
            }
        } else if (node instanceof StartEvent start && start.getCamundaFormKey() != null) {
            form(start.getCamundaFormKey(), id, name, found);
        } else if (node instanceof ServiceTask || node instanceof SendTask) {
            String delegate = node.getAttributeValueNs(CAMUNDA, "delegateExpression");
            if (blank(delegate) && blank(node.getAttributeValueNs(CAMUNDA, "class")) && blank(node.getAttributeValueNs(CAMUNDA, "expression"))
                    && blank(node.getAttributeValueNs(CAMUNDA, "type"))) {
                found.add(Finding.refusal(id, name, "does nothing: a service task calls one of the application's delegates as "
                        + "${beanName} (Implementation: Delegate expression)"));
            }
        } else if (node instanceof BusinessRuleTask rule) {
            String ref = rule.getCamundaDecisionRef();
            if (blank(ref) || ExpressionRules.hasExpression(ref)) {
                found.add(Finding.refusal(id, name, "must name its decision table directly (Implementation: DMN, Decision reference)"));
            } else if (!parts.decisionKeys().contains(ref)) {
                found.add(Finding.refusal(id, name, "asks the decision table \u201c" + ref + "\u201d, which is not deployed ("
                        + String.join(", ", parts.decisionKeys().stream().sorted().toList()) + " are)"));
            }
        } else if (node instanceof CallActivity call) {
            String called = call.getCalledElement();
            if (blank(called) || ExpressionRules.hasExpression(called) || !parts.processKeys().contains(called)) {
                found.add(Finding.refusal(id, name, "calls \u201c" + called + "\u201d, which is not a workflow of this application"));
            }
        }
    }

    private void form(String formKey, String id, String name, List<Finding> found) {
        if (formKey == null || !parts.formKeys().contains(formKey)) {
            found.add(Finding.refusal(id, name, "has the form \u201c" + formKey + "\u201d, which this application does not have: "
                    + "keep the form key of a task the application already shows (app:…)"));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The bean a {@code ${beanName}} names, or null when the text is anything else. */
    static String beanOf(String expression) {
        Matcher m = expression == null ? null : BEAN.matcher(expression.strip());
        return m != null && m.matches() ? m.group(1) : null;
    }

    /** The id and name of the element a DOM node belongs to: itself or its nearest ancestor with an id. */
    static String[] owner(Node node) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n instanceof Element e && e.hasAttribute("id")) {
                return new String[] {e.getAttribute("id"), e.hasAttribute("name") ? e.getAttribute("name") : null};
            }
        }
        return new String[] {null, null};
    }

    /** Every attribute of an element. */
    static List<Attr> attributes(Element e) {
        NamedNodeMap map = e.getAttributes();
        List<Attr> all = new ArrayList<>();
        for (int i = 0; i < map.getLength(); i++) {
            all.add((Attr) map.item(i));
        }
        return all;
    }
}
