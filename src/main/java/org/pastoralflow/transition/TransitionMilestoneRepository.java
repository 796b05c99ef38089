package org.pastoralflow.transition;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TransitionMilestoneRepository extends JpaRepository<TransitionMilestone, Long> {

    List<TransitionMilestone> findByTransitionIdOrderById(Long transitionId);

    Optional<TransitionMilestone> findByTransitionIdAndMilestone(Long transitionId, Milestone milestone);

    List<TransitionMilestone> findByTransitionIdInAndMilestoneIn(Collection<Long> transitionIds, Collection<Milestone> milestones);
}
