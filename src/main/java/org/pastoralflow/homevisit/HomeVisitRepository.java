package org.pastoralflow.homevisit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface HomeVisitRepository extends JpaRepository<HomeVisit, Long> {

    Optional<HomeVisit> findByReference(String reference);

    List<HomeVisit> findByStudentIdOrderByLeavesAtDesc(Long studentId);

    /** Visits not checked in, soonest back first. */
    List<HomeVisit> findByCheckedInAtIsNullOrderByExpectedBackAsc();

    /** Visits that left from this moment on, or are still out: the visits page. */
    List<HomeVisit> findByLeavesAtGreaterThanEqualOrCheckedInAtIsNullOrderByLeavesAtAsc(Instant from);

    List<HomeVisit> findByCheckedInAtIsNullAndAlertedAtIsNotNullOrderByExpectedBackAsc();
}
