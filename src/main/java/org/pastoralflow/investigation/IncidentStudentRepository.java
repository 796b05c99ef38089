package org.pastoralflow.investigation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface IncidentStudentRepository extends JpaRepository<IncidentStudent, Long> {

    List<IncidentStudent> findByIncidentIdOrderByPosition(Long incidentId);

    Optional<IncidentStudent> findByIncidentIdAndStudentId(Long incidentId, Long studentId);

    List<IncidentStudent> findByStudentId(Long studentId);

    List<IncidentStudent> findByIncidentIdIn(java.util.Collection<Long> incidentIds);

    /** School days of suspension approved for the student since the start of the school year, other incidents than this one. */
    @Query("""
            select coalesce(sum(s.suspensionDays), 0) from IncidentStudent s, Incident i
            where s.incidentId = i.id and s.studentId = :student and s.sanction = 'suspension'
              and s.sanctionStatus = 'approved' and i.outcomeAt >= :since and i.id <> :except""")
    long suspensionDaysSince(@Param("student") Long studentId, @Param("since") Instant since, @Param("except") Long exceptIncidentId);
}
