package org.pastoralflow.investigation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IncidentRepository extends JpaRepository<Incident, Long> {

    Optional<Incident> findByReference(String reference);

    List<Incident> findByLoggedByOrderByLoggedAtDesc(String loggedBy);

    List<Incident> findByClosedAtIsNullOrderByLoggedAtDesc();

    List<Incident> findByClosedAtIsNotNullOrderByClosedAtDesc(Pageable page);
}
