package org.pastoralflow.transition;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TransitionCohortRepository extends JpaRepository<TransitionCohort, Integer> {

    List<TransitionCohort> findAllByOrderByEntryYearDesc();
}
