package org.pastoralflow.investigation;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The students of an incident, for the model's tasks done once per student:
 * {@code camunda:collection="${investigationParties.studentsOf(incidentId)}"}. The list lives in
 * the case store, not in a process variable.
 */
@Component("investigationParties")
public class InvestigationParties {

    private final Investigations investigations;

    InvestigationParties(Investigations investigations) {
        this.investigations = investigations;
    }

    public List<Long> studentsOf(Long incidentId) {
        return investigations.studentsOf(incidentId);
    }

    /** The students proposed for suspension who have SEN (support or an EHCP): the SENCO is consulted first. */
    public List<Long> senProposedForSuspension(Long incidentId) {
        return investigations.senProposedForSuspension(incidentId);
    }
}
