package org.pastoralflow.investigation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface IncidentStudentRepository extends JpaRepository<IncidentStudent, Long> {

    List<IncidentStudent> findByIncidentIdOrderByPosition(Long incidentId);

    Optional<IncidentStudent> findByIncidentIdAndStudentId(Long incidentId, Long studentId);

    List<IncidentStudent> findByStudentId(Long studentId);

    List<IncidentStudent> findByIncidentIdIn(java.util.Collection<Long> incidentIds);
}
