package org.pastoralflow.family;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class FamilyRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Parent or carer contact", List.of("family_contact"),
                        "pastoral: caseworkers for the student's year groups; the administrator who imports them sees counts only"),
                new Kind("Contact with home (the contact log)", List.of("contact_log"),
                        "at the level its writer chose (pastoral by default; send or safeguarding when the writer reads that level); "
                                + "its follow-up task is the writer's", ContactFollowUpProcess.KEY));
    }
}
