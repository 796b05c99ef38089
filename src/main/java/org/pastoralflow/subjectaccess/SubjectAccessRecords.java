package org.pastoralflow.subjectaccess;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class SubjectAccessRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Subject access request", List.of("subject_access_request", "subject_access_withheld"),
                        "the request's log (reference, requester, dates, status): administrators, the DSL and SLT; "
                                + "the student, the review, what was withheld and why, the export: the DSL"));
    }
}
