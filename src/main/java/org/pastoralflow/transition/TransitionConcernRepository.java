package org.pastoralflow.transition;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TransitionConcernRepository extends JpaRepository<TransitionConcern, Long> {

    List<TransitionConcern> findByTransitionIdOrderByRaisedAtAsc(Long transitionId);
}
