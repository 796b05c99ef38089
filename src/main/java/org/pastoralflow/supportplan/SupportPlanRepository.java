package org.pastoralflow.supportplan;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SupportPlanRepository extends JpaRepository<SupportPlan, Long> {

    Optional<SupportPlan> findFirstByReferralIdAndClosedOnIsNullOrderByCreatedAtDesc(Long referralId);

    List<SupportPlan> findByStudentIdOrderByCreatedAtDesc(Long studentId);
}
