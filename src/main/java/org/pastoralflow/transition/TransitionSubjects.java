package org.pastoralflow.transition;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.pastoralflow.workflow.TaskSubjects;
import org.springframework.stereotype.Component;

/** Names the incoming student of a transition task in the inbox before they have a case file. */
@Component
class TransitionSubjects implements TaskSubjects {

    private final TransitionService transitions;

    TransitionSubjects(TransitionService transitions) {
        this.transitions = transitions;
    }

    @Override
    public String processKey() {
        return TransitionProcess.KEY;
    }

    @Override
    public Map<String, Subject> describe(Set<String> references) {
        Map<String, Transition> found = transitions.byReferences(references);
        Map<Long, FeederSchool> schools = transitions.schoolsById(found.values().stream().map(Transition::getFeederSchoolId)
                .collect(Collectors.toSet()));
        Map<String, Subject> subjects = new HashMap<>();
        found.forEach((ref, t) -> subjects.put(ref, new Subject(t.displayName(),
                "joining Year 7 from " + schools.get(t.getFeederSchoolId()).getName())));
        return subjects;
    }
}
