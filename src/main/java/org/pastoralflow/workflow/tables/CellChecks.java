package org.pastoralflow.workflow.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.springframework.stereotype.Component;

/**
 * Each cell of an edited table read by the FEEL engine the Camunda DMN engine evaluates tables with (feel-scala),
 * one cell at a time, so an error names its rule and column: an input entry as unary tests against a value of its
 * input's type, an output entry as an expression. Besides what does not parse, a cell is wrong when the engine
 * would quietly answer nothing: a name that is no input (text without its quotes), a comparison of the wrong types
 * (`> abc` on a number), an input entry that none of the input's allowed values can match (a misspelt category),
 * an output outside the output's allowed values or of the wrong type.
 */
@Component
class CellChecks {

    private static final int LONGEST_MESSAGE = 240;

    private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

    /** Problems by form field ({@link TableForm#inputField}, {@link TableForm#outputField}); empty when every cell is right. */
    Map<String, String> check(EditedTable table) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, Object> context = sampleContext(table);
        List<List<Object>> allowedIn = table.inputs().stream().map(this::allowed).toList();
        List<List<Object>> allowedOut = table.outputs().stream().map(this::allowed).toList();
        for (int r = 0; r < table.rules().size(); r++) {
            EditedTable.Row row = table.rules().get(r);
            for (int c = 0; c < table.inputs().size(); c++) {
                String problem = inputProblem(row.inputs().get(c), table.inputs().get(c), allowedIn.get(c), context);
                if (problem != null) {
                    problems.put(TableForm.inputField(r, c), table.cellName(r, true, c) + ": " + problem);
                }
            }
            for (int c = 0; c < table.outputs().size(); c++) {
                String problem = outputProblem(row.outputs().get(c), table.outputs().get(c), allowedOut.get(c), context);
                if (problem != null) {
                    problems.put(TableForm.outputField(r, c), table.cellName(r, false, c) + ": " + problem);
                }
            }
        }
        return problems;
    }

    /** The values an input or output allows, as the engine reads its allowed values; null when it names none. */
    List<Object> allowed(EditedTable.Column column) {
        if (column.allowedValues() == null) {
            return null;
        }
        EvaluationResult list = feel.evaluateExpression("[" + column.allowedValues() + "]", Map.of());
        return list.isSuccess() && list.result() instanceof List<?> values ? new ArrayList<>(values) : null;
    }

    private String inputProblem(String cell, EditedTable.Column column, List<Object> allowed, Map<String, Object> context) {
        if (cell == null || cell.isBlank() || cell.strip().equals("-")) {
            return null; // any value
        }
        boolean matchesOne = false;
        List<Object> values = allowed != null ? allowed : java.util.Collections.singletonList(sample(column));
        for (Object value : values) {
            EvaluationResult result = feel.evaluateUnaryTests(cell, value, context);
            if (!result.isSuccess()) {
                return "the engine cannot read this (" + shorten(result.failure().message()) + ")";
            }
            String suppressed = suppressed(result, column);
            if (suppressed != null) {
                return suppressed;
            }
            matchesOne |= Boolean.TRUE.equals(result.result());
        }
        if (allowed != null && !matchesOne) {
            return "it matches none of the values " + column.heading() + " can take (" + column.allowedValues() + ")";
        }
        return null;
    }

    private String outputProblem(String cell, EditedTable.Column column, List<Object> allowed, Map<String, Object> context) {
        if (cell == null || cell.isBlank()) {
            return null; // no answer from this rule for this output
        }
        EvaluationResult result = feel.evaluateExpression(cell, context);
        if (!result.isSuccess()) {
            return "the engine cannot read this (" + shorten(result.failure().message()) + ")";
        }
        String suppressed = suppressed(result, column);
        if (suppressed != null) {
            return suppressed;
        }
        Object value = result.result();
        if (value != null && !ofType(value, column.typeRef())) {
            return "it gives " + value + ", which is not a " + typeName(column.typeRef());
        }
        if (allowed != null && value != null && allowed.stream().noneMatch(a -> Objects.equals(a, value))) {
            return "it gives " + value + ", which is not one of the allowed values (" + column.allowedValues() + ")";
        }
        return null;
    }

    private String suppressed(EvaluationResult result, EditedTable.Column column) {
        if (!result.hasSuppressedFailures()) {
            return null;
        }
        EvaluationFailure first = result.suppressedFailures().head();
        String type = first.failureType().toString();
        if (type.contains("NO_VARIABLE_FOUND")) {
            return shorten(first.failureMessage()) + " (words are written in double quotes, e.g. \"bereavement\")";
        }
        if (type.contains("NOT_COMPARABLE") && sample(column) == null) {
            return null; // a type this check has no sample of: the engine decides when the table runs
        }
        return shorten(first.failureMessage()) + " (" + column.heading() + " is a " + typeName(column.typeRef()) + ")";
    }

    /** Every input's variable with a value of its type, so a cell may name another input as the engine allows. */
    private Map<String, Object> sampleContext(EditedTable table) {
        Map<String, Object> context = new HashMap<>();
        for (EditedTable.Column in : table.inputs()) {
            if (in.variable() != null && in.variable().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                context.put(in.variable(), sample(in));
            }
        }
        return context;
    }

    static Object sample(EditedTable.Column column) {
        String type = column.typeRef() == null ? "" : column.typeRef();
        return switch (type) {
            case "string" -> "x";
            case "integer" -> 7;
            case "long" -> 7L;
            case "double" -> 7.0;
            case "boolean" -> Boolean.TRUE;
            default -> null;
        };
    }

    static boolean ofType(Object value, String typeRef) {
        if (typeRef == null) {
            return true;
        }
        return switch (typeRef) {
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "integer", "long" -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue());
            case "double" -> value instanceof Number;
            default -> true;
        };
    }

    static String typeName(String typeRef) {
        if (typeRef == null) {
            return "value";
        }
        return switch (typeRef) {
            case "string" -> "word or phrase in double quotes";
            case "boolean" -> "yes/no value (true or false)";
            case "integer", "long" -> "whole number";
            case "double" -> "number";
            default -> typeRef;
        };
    }

    private static String shorten(String message) {
        String m = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return m.length() > LONGEST_MESSAGE ? m.substring(0, LONGEST_MESSAGE) + "…" : m;
    }
}
