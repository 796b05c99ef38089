package org.pastoralflow.transition;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LeaverRepository extends JpaRepository<Leaver, Long> {

    Optional<Leaver> findByReference(String reference);

    List<Leaver> findByStudentIdOrderByRecordedAtDesc(Long studentId);

    boolean existsByStudentIdAndClosedAtIsNull(Long studentId);

    /** Leavers with a child protection file still being transferred. */
    List<Leaver> findByClosedAtIsNullAndHasCpFileTrueOrderByTransferDueOnAsc();

    List<Leaver> findByClosedAtIsNotNullAndHasCpFileTrueOrderByClosedAtDesc(Pageable page);

    /** Students recorded as leaving on or after the day, or whose transfer is still open: not recorded twice. */
    @Query("select l.studentId from Leaver l where l.closedAt is null or l.leavingOn >= :since")
    List<Long> studentsLeavingSince(@Param("since") java.time.LocalDate since);
}
