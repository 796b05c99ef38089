package org.pastoralflow.investigation;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UseOfForceRepository extends JpaRepository<UseOfForce, Long> {

    Optional<UseOfForce> findByIncidentId(Long incidentId);
}
