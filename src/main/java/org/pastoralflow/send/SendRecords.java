package org.pastoralflow.send;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class SendRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("SEN register entry and SEN support review",
                        List.of("sen_register", "sen_support_review"), "send", SupportReviewProcess.KEY),
                new Kind("EHCP and its annual reviews", List.of("ehcp_plan", "ehcp_review"), "send", EhcpReviewProcess.KEY));
    }
}
