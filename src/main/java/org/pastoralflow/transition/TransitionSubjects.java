package org.pastoralflow.transition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.workflow.TaskSubjects;
import org.springframework.stereotype.Component;

/**
 * Names the incoming student of a transition task in the inbox before they have a case file.
 * Reads the tables itself: the inbox asks it, and the transition services ask the inbox.
 */
@Component
class TransitionSubjects implements TaskSubjects {

    private final TransitionRepository transitions;
    private final FeederSchoolRepository schools;

    TransitionSubjects(TransitionRepository transitions, FeederSchoolRepository schools) {
        this.transitions = transitions;
        this.schools = schools;
    }

    @Override
    public String processKey() {
        return TransitionProcess.KEY;
    }

    @Override
    public Map<String, Subject> describe(Set<String> references) {
        List<Transition> found = transitions.findByReferenceIn(references);
        Map<Long, FeederSchool> byId = schools.findAllById(found.stream().map(Transition::getFeederSchoolId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(FeederSchool::getId, Function.identity()));
        Map<String, Subject> subjects = new HashMap<>();
        found.forEach(t -> subjects.put(t.getReference(), new Subject(t.displayName(),
                "joining Year 7 from " + byId.get(t.getFeederSchoolId()).getName())));
        return subjects;
    }
}
