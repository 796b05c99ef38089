package org.pastoralflow.suspension;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SuspensionRepository extends JpaRepository<Suspension, Long> {

    Optional<Suspension> findByReference(String reference);

    List<Suspension> findByStudentIdOrderByStartsOnDesc(Long studentId);

    List<Suspension> findByClosedAtIsNullOrderByStartsOn();

    List<Suspension> findByIncidentId(Long incidentId);
}
