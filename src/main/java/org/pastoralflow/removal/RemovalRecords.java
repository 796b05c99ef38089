package org.pastoralflow.removal;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class RemovalRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("Removal from a lesson", List.of("removal"),
                "pastoral: caseworkers for the student's year groups (the room's register: PSOs, Heads of Year, the Pastoral Lead "
                        + "and SLT); the member of staff who records it reads it no more afterwards than any other record"));
    }
}
