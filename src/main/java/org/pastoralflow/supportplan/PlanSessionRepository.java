package org.pastoralflow.supportplan;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanSessionRepository extends JpaRepository<PlanSession, Long> {

    List<PlanSession> findByPlanIdOrderByHeldOnDesc(Long planId);

    long countByPlanId(Long planId);
}
