package org.pastoralflow.behaviour;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class BehaviourRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Behaviour or achievement log", List.of("behaviour_log"),
                        "pastoral; whoever logged it sees what they logged"),
                new Kind("Behaviour follow-up", List.of("behaviour_follow_up"), "pastoral", BehaviourProcess.KEY),
                new Kind("Achievement milestone", List.of("behaviour_milestone"), "pastoral"));
    }
}
