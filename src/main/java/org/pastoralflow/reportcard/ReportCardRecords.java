package org.pastoralflow.reportcard;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class ReportCardRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("Behaviour report card", List.of("report_card", "report_card_score", "report_card_review"),
                "pastoral; its lesson view (targets and period grid) to any member of staff", ReportCardProcess.KEY));
    }
}
