package org.pastoralflow.intervention;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class InterventionRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("Intervention group, its members, register and scores",
                List.of("intervention_group", "intervention_member", "intervention_session", "intervention_mark"),
                "the group's level: pastoral (caseworkers), or send when the SENCO or a DSL runs it; the group and its session notes "
                        + "by a reader who works with any member's year group; each member's row (marks, scores) by readers of that "
                        + "member only"),
                // joined to students only through the groups that point at it: it names no child
                new Kind("Intervention catalogue entry", List.of("intervention"),
                        "about no child (the school's offer: names, lengths, costs, measures): every caseworker; kept by the Pastoral "
                                + "Lead and the SENCO"));
    }
}
