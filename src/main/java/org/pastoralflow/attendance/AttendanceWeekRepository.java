package org.pastoralflow.attendance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AttendanceWeekRepository extends JpaRepository<AttendanceWeek, Long> {

    /** Every student's row for one week: an import covers the school, and a long IN list costs H2 a comparison per value per row. */
    List<AttendanceWeek> findByWeekCommencing(LocalDate week);

    Optional<AttendanceWeek> findByStudentIdAndWeekCommencing(Long studentId, LocalDate week);

    @Query("select max(w.weekCommencing) from AttendanceWeek w where w.studentId = :student")
    Optional<LocalDate> latestWeekOf(@Param("student") Long studentId);

    /** Possible and attended sessions per student since the start of the school year: [studentId, possible, attended]. */
    @Query("""
            select w.studentId, sum(w.possibleSessions), sum(w.attendedSessions) from AttendanceWeek w
            where w.studentId in :students and w.weekCommencing >= :from group by w.studentId""")
    List<Object[]> totalsSince(@Param("students") Collection<Long> students, @Param("from") LocalDate from);

    /** {@link #totalsSince} for the students who have a row in one week (the students of that week's import). */
    @Query("""
            select w.studentId, sum(w.possibleSessions), sum(w.attendedSessions) from AttendanceWeek w
            where w.weekCommencing >= :from
              and w.studentId in (select x.studentId from AttendanceWeek x where x.weekCommencing = :week)
            group by w.studentId""")
    List<Object[]> totalsSinceOfWeek(@Param("week") LocalDate week, @Param("from") LocalDate from);

    /** Possible and attended sessions per student since a date, for one year group or all: [studentId, possible, attended]. */
    @Query("select w.studentId, sum(w.possibleSessions), sum(w.attendedSessions) from AttendanceWeek w, "
            + "org.pastoralflow.student.Student s where s.id = w.studentId and w.weekCommencing >= :from "
            + "and (:year is null or s.yearGroup = :year) group by w.studentId")
    List<Object[]> totalsByStudentSince(@Param("from") LocalDate from, @Param("year") Integer yearGroup);

    /** Late marks per student in the weeks commencing between two dates: [studentId, late before close, late after close]. */
    @Query("""
            select w.studentId, sum(w.lateSessions), sum(w.lateAfterClose) from AttendanceWeek w
            where w.studentId in :students and w.weekCommencing >= :first and w.weekCommencing <= :last
            group by w.studentId having sum(w.lateSessions) + sum(w.lateAfterClose) > 0""")
    List<Object[]> latesBetween(@Param("students") Collection<Long> students, @Param("first") LocalDate first,
                                @Param("last") LocalDate last);

    /** {@link #latesBetween} for the students who have a row in the week commencing {@code last}. */
    @Query("""
            select w.studentId, sum(w.lateSessions), sum(w.lateAfterClose) from AttendanceWeek w
            where w.weekCommencing >= :first and w.weekCommencing <= :last
              and w.studentId in (select x.studentId from AttendanceWeek x where x.weekCommencing = :last)
            group by w.studentId having sum(w.lateSessions) + sum(w.lateAfterClose) > 0""")
    List<Object[]> latesOfWeek(@Param("first") LocalDate first, @Param("last") LocalDate last);
}
