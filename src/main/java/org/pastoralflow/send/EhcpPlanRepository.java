package org.pastoralflow.send;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EhcpPlanRepository extends JpaRepository<EhcpPlan, Long> {

    Optional<EhcpPlan> findByStudentId(Long studentId);

    Optional<EhcpPlan> findByReference(String reference);
}
