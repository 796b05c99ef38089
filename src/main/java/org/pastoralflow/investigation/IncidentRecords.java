package org.pastoralflow.investigation;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class IncidentRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Incident and its investigation",
                        List.of("incident", "incident_student", "incident_check", "incident_attachment", "use_of_force"),
                        "pastoral; safeguarding (the DSL and the staff it names) for harmful sexual behaviour, discriminatory "
                                + "language or the safeguarding indicator", InvestigationProcess.KEY));
    }
}
