package org.pastoralflow.casefile;

import org.pastoralflow.security.Confidentiality;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ChronologyRepository extends JpaRepository<ChronologyEntry, Long> {

    /**
     * What a viewer reads of an entry, in JPQL: its confidentiality is one their groups read, or the
     * record it is about (its source) is shared with them by name. The same rule as AccessPolicy.
     */
    String READABLE = "(e.confidentiality in :levels or (e.sourceType is not null and exists (select 1 from RecordShare s "
            + "where s.userId = :viewer and s.revokedAt is null and s.recordType = e.sourceType and s.recordId = e.sourceId)))";

    /** One page of a student's chronology as a viewer may read it, of some kinds and confidentialities; newest first by the page's sort. */
    @Query(value = "select e from ChronologyEntry e where e.studentId = :student and e.confidentiality in :shown and e.kind in :kinds and "
            + READABLE,
            countQuery = "select count(e) from ChronologyEntry e where e.studentId = :student and e.confidentiality in :shown "
                    + "and e.kind in :kinds and " + READABLE)
    org.springframework.data.domain.Page<ChronologyEntry> readablePage(@Param("student") Long studentId,
            @Param("levels") Collection<Confidentiality> levels, @Param("viewer") String viewer,
            @Param("shown") Collection<Confidentiality> shown, @Param("kinds") Collection<EntryKind> kinds,
            org.springframework.data.domain.Pageable page);

    @Query("select e from ChronologyEntry e where e.studentId = :student and " + READABLE + " order by e.occurredAt desc, e.id desc")
    List<ChronologyEntry> readableOfStudent(@Param("student") Long studentId, @Param("levels") Collection<Confidentiality> levels,
                                            @Param("viewer") String viewer);

    @Query("select e from ChronologyEntry e where e.sourceType = :type and e.sourceId = :id and " + READABLE
            + " order by e.occurredAt asc, e.id asc")
    List<ChronologyEntry> readableAboutRecord(@Param("type") String sourceType, @Param("id") Long sourceId,
                                              @Param("levels") Collection<Confidentiality> levels, @Param("viewer") String viewer);

    /** A student's entries of some confidentialities, whoever asks: for the case store's own checks and tests. */
    List<ChronologyEntry> findByStudentIdAndConfidentialityInOrderByOccurredAtDescIdDesc(
            Long studentId, Collection<Confidentiality> confidentialities);

    /** Everything about a student, whatever its confidentiality: only for a subject access export. */
    List<ChronologyEntry> findByStudentIdOrderByOccurredAtAscIdAsc(Long studentId);


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
