package org.pastoralflow.workflow.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a model may do: read process variables, compare and combine them, and call the
 * {@link PublishedBeans published beans'} published methods. The expression is parsed by the JUEL parser the
 * engine itself uses (with method calls on, as the engine has them), and its tree walked, so a bean cannot be
 * reached by spelling it differently: every identifier, property, method and function in it is looked at.
 * <p>
 * An identifier that is not a bean of the application is a process variable. The names the engine gives an
 * expression besides the variables ({@code execution}, {@code task}, {@code authenticatedUserId}...) reach the
 * engine's own services and every variable of the case, so they are refused, as is everything reflective.
 */
final class ExpressionRules {

    /** Names the engine resolves in an expression before variables and beans, or that lead into the engine. */
    static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution", "authenticatedUserId",
            "processEngine", "processEngineServices", "processEngineConfiguration", "variableScope", "applicationContext",
            "environment", "systemProperties", "systemEnvironment");

    /** Properties that lead from any value to its class, and from there to anything. */
    static final Set<String> REFLECTIVE = Set.of("class", "getClass", "classLoader", "declaringClass", "module", "protectionDomain");

    private final Predicate<String> isBean;

    /** {@code isBean}: whether the application has a bean of that name (the engine would call it). */
    ExpressionRules(Predicate<String> isBean) {
        this.isBean = isBean;
    }

    /** Whether a text holds an expression the engine evaluates. */
    static boolean hasExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** Why the engine must not evaluate this text, in words an administrator understands; empty when it may. */
    List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        Node root;
        try {
            root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
        } catch (TreeBuilderException e) {
            problems.add("is not an expression the engine can read (" + e.getMessage() + ")");
            return problems;
        }
        walk(root, problems);
        return problems;
    }

    private void walk(Node node, List<String> problems) {
        if (node instanceof AstMethod call) {
            method(call, problems);
        } else if (node instanceof AstDot dot) {
            property(dot, problems);
        } else if (node instanceof AstBracket bracket) {
            if (!(bracket.getChild(1) instanceof AstNumber)) {
                problems.add("looks something up by a name in brackets ([…]); only a number may go in brackets");
            }
            walk(bracket.getChild(0), problems);
        } else if (node instanceof AstFunction function) {
            problems.add("calls the function " + function.getName() + "(); a model calls no functions (use a published bean, such as "
                    + "deadlines.fromNow('…') for a due date)");
        } else if (node instanceof AstIdentifier identifier) {
            identifier(identifier.getName(), problems);
        } else {
            for (int i = 0; i < node.getCardinality(); i++) {
                walk(node.getChild(i), problems);
            }
        }
    }

    private void method(AstMethod call, List<String> problems) {
        AstProperty property = (AstProperty) call.getChild(0);
        Node target = property.getChild(0);
        String name = property instanceof AstDot dot ? name(dot) : null;
        if (name == null) {
            problems.add("calls a method chosen by a name in brackets; a model names the methods it calls");
        } else if (target instanceof AstIdentifier bean && PublishedBeans.isPublished(bean.getName())) {
            if (!PublishedBeans.METHODS.get(bean.getName()).contains(name)) {
                problems.add("calls " + bean.getName() + "." + name + "(), which is not one of the methods a model may call on "
                        + bean.getName() + " (" + String.join(", ", PublishedBeans.METHODS.get(bean.getName()).stream().sorted().toList())
                        + ")");
            }
        } else {
            if (!PublishedBeans.VALUE_METHODS.contains(name)) {
                problems.add("calls the method " + name + "(); on a value a model may only ask "
                        + String.join(", ", PublishedBeans.VALUE_METHODS.stream().sorted().toList()));
            }
            walk(target, problems);
        }
        walk(call.getChild(1), problems);
    }

    private void property(AstDot dot, List<String> problems) {
        String name = name(dot);
        Node target = dot.getChild(0);
        if (REFLECTIVE.contains(name)) {
            problems.add("reads ." + name + ", which leads to the application's code, not to a value");
        } else if (target instanceof AstIdentifier bean && PublishedBeans.isPublished(bean.getName())) {
            problems.add("reads " + bean.getName() + "." + name + "; a model may only call " + bean.getName() + "'s published methods");
            return;
        }
        walk(target, problems);
    }

    private void identifier(String name, List<String> problems) {
        if (ENGINE_NAMES.contains(name)) {
            problems.add("uses " + name + ", which reaches into the engine and every record of the case; a model may use process "
                    + "variables and published beans only");
        } else if (PublishedBeans.isPublished(name)) {
            problems.add("uses " + name + " itself; a model may only call its published methods");
        } else if (isBean.test(name)) {
            problems.add("calls " + name + ", a part of the application that models may not call (only these may be: "
                    + String.join(", ", PublishedBeans.METHODS.keySet().stream().sorted().toList()) + ")");
        }
    }

    /** The property's name: JUEL prints a dot node as ". name". */
    private static String name(AstDot dot) {
        String printed = dot.toString();
        return printed.startsWith(". ") ? printed.substring(2) : printed;
    }
}
