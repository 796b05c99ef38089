package org.pastoralflow.mediation;

import java.util.List;

import org.springframework.stereotype.Component;

/** The parties of a mediation, for the tasks done once per party: {@code ${mediationParties.studentsOf(mediationId)}}. */
@Component("mediationParties")
public class MediationParties {

    private final MediationService mediations;

    MediationParties(MediationService mediations) {
        this.mediations = mediations;
    }

    public List<Long> studentsOf(Long mediationId) {
        return mediations.partiesOf(mediationId);
    }
}
