package org.pastoralflow.behaviour;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BehaviourFollowUpRepository extends JpaRepository<BehaviourFollowUp, Long> {

    Optional<BehaviourFollowUp> findByReference(String reference);

    List<BehaviourFollowUp> findByStudentIdInAndWeekStart(Collection<Long> studentIds, LocalDate weekStart);

    List<BehaviourFollowUp> findByStudentIdOrderByRaisedAtDesc(Long studentId);
}
