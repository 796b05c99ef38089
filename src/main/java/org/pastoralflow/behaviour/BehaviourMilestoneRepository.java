package org.pastoralflow.behaviour;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BehaviourMilestoneRepository extends JpaRepository<BehaviourMilestone, Long> {

    List<BehaviourMilestone> findByStudentIdAndSchoolYearStart(Long studentId, LocalDate schoolYearStart);

    List<BehaviourMilestone> findByStudentIdOrderByReachedAtDesc(Long studentId);

    List<BehaviourMilestone> findByReachedAtGreaterThanEqualOrderByReachedAtAsc(java.time.Instant from);
}
