package org.pastoralflow.mediation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MediationPartyRepository extends JpaRepository<MediationParty, Long> {

    List<MediationParty> findByMediationIdOrderByPosition(Long mediationId);

    Optional<MediationParty> findByMediationIdAndStudentId(Long mediationId, Long studentId);

    List<MediationParty> findByStudentId(Long studentId);
}
