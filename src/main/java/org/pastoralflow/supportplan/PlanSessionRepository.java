package org.pastoralflow.supportplan;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PlanSessionRepository extends JpaRepository<PlanSession, Long> {

    List<PlanSession> findByPlanIdOrderByHeldOnDesc(Long planId);

    long countByPlanId(Long planId);

    @Modifying
    @Query("delete from PlanSession s where s.planId in (select p.id from SupportPlan p where p.studentId = :student and p.confidentiality = :c)")
    int deleteByStudentAndConfidentiality(@Param("student") Long studentId, @Param("c") org.pastoralflow.security.Confidentiality c);
}
