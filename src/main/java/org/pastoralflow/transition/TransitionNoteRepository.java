package org.pastoralflow.transition;

import java.util.Collection;
import java.util.List;

import org.pastoralflow.security.Confidentiality;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TransitionNoteRepository extends JpaRepository<TransitionNote, Long> {

    List<TransitionNote> findByTransitionIdAndConfidentialityInOrderByOccurredAtAscIdAsc(Long transitionId,
                                                                                         Collection<Confidentiality> readable);

    List<TransitionNote> findByTransitionIdAndChronologyEntryIdIsNullOrderByOccurredAtAscIdAsc(Long transitionId);

    @Modifying
    @Query("delete from TransitionNote n where n.confidentiality = :c and n.transitionId in "
            + "(select t.id from Transition t where t.studentId = :student)")
    int deleteByStudentAndConfidentiality(@Param("student") Long studentId, @Param("c") Confidentiality confidentiality);
}
