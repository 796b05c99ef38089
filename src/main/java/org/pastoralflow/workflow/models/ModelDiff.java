package org.pastoralflow.workflow.models;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.springframework.stereotype.Component;

/**
 * What changed between two versions of one model or decision table, in plain words a Pastoral Lead or a DSL can
 * check before trusting the newer one: for a BPMN model the steps added, removed, renamed or changed (their type,
 * who the work goes to, its form, due date, timer, delegate, conditions); for a DMN table its rows added, removed
 * or changed cell by cell, and its inputs, outputs and hit policy. Elements are matched by id, which the Camunda
 * Modeler and the table editor keep; layout (diagram information) is not a change.
 */
@Component
public class ModelDiff {

    /** One change: the element it is about (its name and id, or a table's row) and what changed. */
    public record Change(String element, String what) {
    }

    /** The changes from {@code before} to {@code after}; {@code resourceName} ends in .bpmn or .dmn. Identical → none. */
    public List<Change> between(String resourceName, byte[] before, byte[] after) {
        String name = resourceName.toLowerCase();
        if (name.endsWith(".dmn")) {
            return DmnChanges.between(Dmn.readModelFromStream(new ByteArrayInputStream(before)),
                    Dmn.readModelFromStream(new ByteArrayInputStream(after)));
        }
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            return BpmnChanges.between(Bpmn.readModelFromStream(new ByteArrayInputStream(before)),
                    Bpmn.readModelFromStream(new ByteArrayInputStream(after)));
        }
        throw new IllegalArgumentException("Not a model or a decision table: " + resourceName);
    }

    /**
     * Compares two descriptions of the same element, property by property (in the order of {@code after}, then
     * those only {@code before} had), adding a change for each that differs.
     */
    static void compare(String element, Map<String, String> before, Map<String, String> after, List<Change> changes) {
        List<String> names = new ArrayList<>(after.keySet());
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(names::add);
        for (String property : names) {
            String was = before.get(property);
            String now = after.get(property);
            if (Objects.equals(was, now)) {
                continue;
            }
            if (was == null) {
                changes.add(new Change(element, property + " set to " + quote(now)));
            } else if (now == null) {
                changes.add(new Change(element, property + " removed (was " + quote(was) + ")"));
            } else {
                changes.add(new Change(element, property + " changed from " + quote(was) + " to " + quote(now)));
            }
        }
    }

    /** An element as people know it: its name and, so it can be found in the Modeler, its id. */
    static String label(String name, String id) {
        if (name == null || name.isBlank()) {
            return id;
        }
        String oneLine = name.strip().replaceAll("\\s+", " ");
        return id == null ? oneLine : oneLine + " (" + id + ")";
    }

    static String quote(String value) {
        return "“" + value + "”";
    }

    /** Text with its white space made one line, or null for none. */
    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip().replaceAll("\\s+", " ");
        return text.isEmpty() ? null : text;
    }
}
