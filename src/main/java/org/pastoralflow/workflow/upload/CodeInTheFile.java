package org.pastoralflow.workflow.upload;

import static org.pastoralflow.workflow.upload.ModelChecks.ACTIVITI;
import static org.pastoralflow.workflow.upload.ModelChecks.BPMN;
import static org.pastoralflow.workflow.upload.ModelChecks.CAMUNDA;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Everything in a model file that the engine would run: every element and attribute, read as XML rather than
 * element type by element type, so a place the engine evaluates that these checks did not think of is still seen.
 * Scripts, listeners, Java classes, external workers and connectors are refused wherever they are; a delegate
 * must be one of the application's; every other {@code ${…}} or {@code #{…}}, in an attribute or in text (a
 * condition, a due date, a candidate group, an input parameter, a collection, a timer, a priority, a task name),
 * must pass the {@link ExpressionRules}. Documentation, text annotations and the diagram are not run and are skipped.
 */
final class CodeInTheFile {

    private static final Set<String> LISTENERS = Set.of("executionListener", "taskListener");

    private final ExpressionRules expressions;
    private final Predicate<String> isDelegate;

    CodeInTheFile(ExpressionRules expressions, Predicate<String> isDelegate) {
        this.expressions = expressions;
        this.isDelegate = isDelegate;
    }

    void walk(Element element, List<Finding> found) {
        String ns = element.getNamespaceURI();
        String local = element.getLocalName();
        if (BPMN.equals(ns) && Set.of("documentation", "textAnnotation").contains(local) || "BPMNDiagram".equals(local)) {
            return;
        }
        if (ACTIVITI.equals(ns)) {
            refuse(element, "uses the old Activiti extension activiti:" + local + "; open the file in the Camunda Modeler and save it "
                    + "again", found);
            return;
        }
        if (BPMN.equals(ns) && "scriptTask".equals(local)) {
            refuse(element, "is a script task: a script can do anything the server can, so models run only the application's "
                    + "own steps (use a service task calling one of its delegates)", found);
        }
        if (CAMUNDA.equals(ns) && "script".equals(local)) {
            refuse(element, "holds a script (camunda:script): a script can do anything the server can; a model may not carry one",
                    found);
        }
        if (CAMUNDA.equals(ns) && LISTENERS.contains(local)) {
            refuse(element, "has " + ("taskListener".equals(local) ? "a task listener" : "an execution listener")
                    + ": a listener runs code the application did not write when the step starts or ends; remove it "
                    + "(the application's steps are service tasks)", found);
        }
        if (CAMUNDA.equals(ns) && "connector".equals(local)) {
            refuse(element, "uses a connector, which calls other systems from the model; the application's delegates do that", found);
        }
        for (Attr attribute : ModelChecks.attributes(element)) {
            attribute(element, attribute, found);
        }
        String text = ownText(element);
        if (ExpressionRules.hasExpression(text)) {
            expression(element, text, found);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                walk(e, found);
            }
        }
    }

    private void attribute(Element element, Attr attribute, List<Finding> found) {
        String ns = attribute.getNamespaceURI();
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        if (ACTIVITI.equals(ns)) {
            refuse(element, "uses the old Activiti extension activiti:" + name + "; open the file in the Camunda Modeler and save it "
                    + "again", found);
            return;
        }
        if (ns == null && "language".equals(name) && BPMN.equals(element.getNamespaceURI())) {
            refuse(element, "has a condition or expression written as a " + value + " script; a model's conditions are "
                    + "expressions such as ${decision == 'accept'}", found);
            return;
        }
        if (CAMUNDA.equals(ns)) {
            if ("class".equals(name) || name.endsWith("Class")) {
                refuse(element, "names Java code (camunda:" + name + "=\u201c" + value + "\u201d); a model calls the application's "
                        + "delegates only, as ${beanName}", found);
                return;
            }
            if ("expression".equals(name)) {
                refuse(element, "runs the expression \u201c" + value + "\u201d as its work (camunda:expression); a service task "
                        + "calls one of the application's delegates as ${beanName} (Implementation: Delegate expression)", found);
                return;
            }
            if ("delegateExpression".equals(name)) {
                delegate(element, value, found);
                return;
            }
            if (name.endsWith("DelegateExpression")) {
                refuse(element, "calls code through camunda:" + name + "; only service tasks call delegates", found);
                return;
            }
            if ("type".equals(name)) {
                refuse(element, "hands its work to an external worker or connector (camunda:type=\u201c" + value + "\u201d); a service "
                        + "task calls one of the application's delegates", found);
                return;
            }
            if ("resource".equals(name)) {
                refuse(element, "loads a script or file named " + value + " (camunda:resource); a model carries no code", found);
                return;
            }
        }
        if (ExpressionRules.hasExpression(value)) {
            expression(element, value, found);
        }
    }

    private void delegate(Element element, String value, List<Finding> found) {
        String bean = ModelChecks.beanOf(value);
        if (bean == null) {
            refuse(element, "must call one of the application's delegates as ${beanName}, not \u201c" + value + "\u201d", found);
        } else if (!isDelegate.test(bean)) {
            refuse(element, "calls ${" + bean + "}, which is not one of this application's delegates (the steps its shipped "
                    + "models call)", found);
        }
    }

    private void expression(Element element, String text, List<Finding> found) {
        for (String problem : expressions.problems(text.strip())) {
            refuse(element, "has the expression \u201c" + text.strip() + "\u201d, which " + problem, found);
        }
    }

    private static void refuse(Element element, String message, List<Finding> found) {
        String[] owner = ModelChecks.owner(element);
        found.add(Finding.refusal(owner[0], owner[1], message));
    }

    /** The element's own text, without its children's. */
    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }
}
