package org.pastoralflow.transition;

import java.util.HashMap;
import java.util.Map;

import org.pastoralflow.security.Viewer;

/** What the transition page, its task forms and the booklet show about one incoming student. */
final class TransitionPage {

    private TransitionPage() {
    }

    static Map<String, Object> model(Transition t, Viewer viewer, Transitions transitions, String where) {
        boolean dsl = transitions.cpFileReadable(t, viewer);
        Map<String, Object> model = new HashMap<>();
        model.put("transition", t);
        model.put("school", transitions.schoolOf(t));
        model.put("cohort", transitions.cohort(t.getEntryYear()).orElse(null));
        model.put("milestones", transitions.milestonesOf(t, viewer));
        model.put("notes", transitions.notesOf(t, viewer, where));
        model.put("dsl", dsl);
        model.put("needs", t.vulnerabilities(dsl));
        model.put("pathwayLabel", t.pathwayLabel(dsl));
        return model;
    }
}
