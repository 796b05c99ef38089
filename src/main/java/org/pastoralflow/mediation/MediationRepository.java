package org.pastoralflow.mediation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MediationRepository extends JpaRepository<Mediation, Long> {

    Optional<Mediation> findByReference(String reference);

    List<Mediation> findByClosedAtIsNullOrderByRequestedAtDesc();

    List<Mediation> findByClosedAtIsNotNullOrderByClosedAtDesc(Pageable page);
}
