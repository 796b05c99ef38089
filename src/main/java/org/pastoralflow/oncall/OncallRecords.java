package org.pastoralflow.oncall;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class OncallRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Call for help", List.of("oncall_call"),
                        "the live board: PSOs, the DSL, the Pastoral Lead and SLT; its outcome in the chronology is pastoral"));
    }
}
