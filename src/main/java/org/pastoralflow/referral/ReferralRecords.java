package org.pastoralflow.referral;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class ReferralRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Concern and referral", List.of("referral"),
                        "the concern: the group that first reviewed it (DSL: safeguarding, SENCO: send, PSO: pastoral); "
                                + "a group it is handed to reads only the handover note and what it records itself", ReferralProcess.KEY),
                new Kind("External referral and agency feedback", List.of("external_referral"),
                        "the level of the group that made the referral"));
    }
}
