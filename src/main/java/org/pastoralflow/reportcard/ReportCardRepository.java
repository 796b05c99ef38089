package org.pastoralflow.reportcard;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportCardRepository extends JpaRepository<ReportCard, Long> {

    Optional<ReportCard> findByReference(String reference);

    List<ReportCard> findByStudentIdOrderByStartedAtDesc(Long studentId);

    List<ReportCard> findByClosedAtIsNullOrderByStartedAtDesc();

    /** Cards running on a day: open, started by then and not ended before. */
    List<ReportCard> findByClosedAtIsNullAndStartsOnLessThanEqualAndEndsOnGreaterThanEqual(LocalDate startsBy, LocalDate endsFrom);
}
