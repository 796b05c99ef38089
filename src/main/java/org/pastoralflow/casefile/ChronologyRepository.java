package org.pastoralflow.casefile;

import org.pastoralflow.security.Confidentiality;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ChronologyRepository extends JpaRepository<ChronologyEntry, Long> {

    List<ChronologyEntry> findByStudentIdAndConfidentialityInOrderByOccurredAtDescIdDesc(
            Long studentId, Collection<Confidentiality> confidentialities);

    /** One page of a student's chronology: the page's sort is newest first. */
    org.springframework.data.domain.Page<ChronologyEntry> findByStudentIdAndConfidentialityInAndKindIn(
            Long studentId, Collection<Confidentiality> confidentialities, Collection<EntryKind> kinds,
            org.springframework.data.domain.Pageable page);

    /** Everything about a student, whatever its confidentiality: only for a subject access export. */
    List<ChronologyEntry> findByStudentIdOrderByOccurredAtAscIdAsc(Long studentId);

    List<ChronologyEntry> findBySourceTypeAndSourceIdAndConfidentialityInOrderByOccurredAtAscIdAsc(
            String sourceType, Long sourceId, Collection<Confidentiality> confidentialities);

    long countByStudentId(Long studentId);

    /** Students born on or before the day with entries of this confidentiality: [student id, entries]. */
    @Query("select e.studentId, count(e) from ChronologyEntry e where e.confidentiality = :c and e.studentId in "
            + "(select s.id from Student s where s.dateOfBirth <= :bornBy) group by e.studentId")
    List<Object[]> countsForStudentsBornBy(@Param("c") Confidentiality confidentiality, @Param("bornBy") java.time.LocalDate bornBy);

    long countByStudentIdAndConfidentiality(Long studentId, Confidentiality confidentiality);

    @Modifying
    @Query("delete from ChronologyEntry e where e.studentId = :student and e.confidentiality = :c")
    int deleteByStudentAndConfidentiality(@Param("student") Long studentId, @Param("c") Confidentiality confidentiality);
}
