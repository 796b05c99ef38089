package org.pastoralflow.casefile;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ChronologyRepository extends JpaRepository<ChronologyEntry, Long> {

    List<ChronologyEntry> findByStudentIdAndConfidentialityInOrderByOccurredAtDescIdDesc(
            Long studentId, Collection<Confidentiality> confidentialities);

    List<ChronologyEntry> findBySourceTypeAndSourceIdAndConfidentialityInOrderByOccurredAtAscIdAsc(
            String sourceType, Long sourceId, Collection<Confidentiality> confidentialities);

    long countByStudentId(Long studentId);
}
