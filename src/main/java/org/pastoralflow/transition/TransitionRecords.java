package org.pastoralflow.transition;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class TransitionRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Year 6 to Year 7 transition", List.of("transition", "transition_milestone", "transition_note",
                        "transition_concern"),
                        "pastoral (caseworkers who work with Year 7); the child protection file, its milestone, flag and notes: the DSL"),
                new Kind("Leaver and child protection file transfer", List.of("leaver"), "safeguarding: the DSL"),
                new Kind("Feeder school and its contact log", List.of("feeder_school", "feeder_contact", "transition_cohort"),
                        "about schools and the intake, never one child: caseworkers"));
    }
}
