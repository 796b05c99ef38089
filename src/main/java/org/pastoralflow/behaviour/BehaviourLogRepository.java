package org.pastoralflow.behaviour;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BehaviourLogRepository extends JpaRepository<BehaviourLog, Long> {

    List<BehaviourLog> findByBatchOrderByIdAsc(String batch);

    List<BehaviourLog> findByStudentIdOrderByOccurredAtDescIdDesc(Long studentId, Pageable page);

    /** [student id, sum of negative points as a positive number] from {@code from} to before {@code until}. */
    @Query("select b.studentId, -sum(b.points) from BehaviourLog b where b.studentId in ?1 and b.points < 0"
            + " and b.occurredAt >= ?2 and b.occurredAt < ?3 group by b.studentId")
    List<Object[]> negativePoints(Collection<Long> studentIds, Instant from, Instant until);

    /** [student id, sum of achievement points] from {@code from} to before {@code until}. */
    @Query("select b.studentId, sum(b.points) from BehaviourLog b where b.studentId in ?1 and b.points > 0"
            + " and b.occurredAt >= ?2 and b.occurredAt < ?3 group by b.studentId")
    List<Object[]> achievementPoints(Collection<Long> studentIds, Instant from, Instant until);

    /** [negative points as a positive number, achievement points] of one student in a period. */
    @Query("select coalesce(-sum(case when b.points < 0 then b.points else 0 end), 0),"
            + " coalesce(sum(case when b.points > 0 then b.points else 0 end), 0)"
            + " from BehaviourLog b where b.studentId = ?1 and b.occurredAt >= ?2 and b.occurredAt < ?3")
    List<Object[]> pointsOf(Long studentId, Instant from, Instant until);
}
