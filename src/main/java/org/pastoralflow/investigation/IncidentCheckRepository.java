package org.pastoralflow.investigation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface IncidentCheckRepository extends JpaRepository<IncidentCheck, Long> {

    List<IncidentCheck> findByIncidentIdOrderByPosition(Long incidentId);

    Optional<IncidentCheck> findByIncidentIdAndKindAndStudentId(Long incidentId, CheckKind kind, Long studentId);

    Optional<IncidentCheck> findFirstByIncidentIdAndKind(Long incidentId, CheckKind kind);
}
