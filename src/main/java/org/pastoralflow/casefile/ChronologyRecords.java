package org.pastoralflow.casefile;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class ChronologyRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Chronology entry", List.of("chronology_entry"),
                        "by its own confidentiality; an entry about a record is shared with whoever that record is shared with"));
    }
}
