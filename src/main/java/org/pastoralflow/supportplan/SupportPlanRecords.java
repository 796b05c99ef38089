package org.pastoralflow.supportplan;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class SupportPlanRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Support plan and its sessions", List.of("support_plan", "plan_session"),
                        "pastoral, or send for a plan the SENCO owns"));
    }
}
