package org.pastoralflow.student;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class StudentRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Student", List.of("student"),
                        "caseworkers (PSOs and Heads of Year with year groups: their years); the CP-plan flag the DSL only; "
                                + "staff find a student by name and tutor group to raise a concern"));
    }
}
