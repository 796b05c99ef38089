package org.pastoralflow.attendance;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AttendanceConcernRepository extends JpaRepository<AttendanceConcern, Long> {

    List<AttendanceConcern> findByStudentIdInAndKindAndClosedAtIsNull(Collection<Long> studentIds, String kind);

    Optional<AttendanceConcern> findByReference(String reference);

    List<AttendanceConcern> findByStudentIdInAndKindAndClosedAtAfter(Collection<Long> studentIds, String kind, java.time.Instant after);

    List<AttendanceConcern> findByStudentIdOrderByOpenedAtDesc(Long studentId);

    long countByStudentIdAndKindAndClosedAtIsNull(Long studentId, String kind);
}
