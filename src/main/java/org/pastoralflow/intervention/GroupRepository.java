package org.pastoralflow.intervention;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface GroupRepository extends JpaRepository<InterventionGroup, Long> {

    List<InterventionGroup> findByFirstSessionLessThanEqualOrderByFirstSessionDesc(LocalDate until);

    List<InterventionGroup> findAllByOrderByFirstSessionDesc();
}
