package org.pastoralflow.investigation;

import java.util.Optional;

import org.pastoralflow.security.Classification;
import org.pastoralflow.security.ShareableRecords;
import org.springframework.stereotype.Component;

/** A safeguarding incident may be shared by a DSL with named staff: the Head of Year who will run the sanction, say. */
@Component
class IncidentShares implements ShareableRecords {

    private final Investigations investigations;
    private final IncidentRepository incidents;

    IncidentShares(Investigations investigations, IncidentRepository incidents) {
        this.investigations = investigations;
        this.incidents = incidents;
    }

    @Override
    public String recordType() {
        return InvestigationProcess.SOURCE_TYPE;
    }

    @Override
    public Optional<Classification> classify(Long recordId) {
        return incidents.findById(recordId).map(investigations::classify);
    }

    @Override
    public String page(Long recordId) {
        return incidents.findById(recordId).map(i -> "/investigations/" + i.getReference()).orElse("/investigations");
    }
}
