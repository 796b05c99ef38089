package org.pastoralflow.transition;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TransitionRepository extends JpaRepository<Transition, Long> {

    Optional<Transition> findByReference(String reference);

    List<Transition> findByReferenceIn(Collection<String> references);

    List<Transition> findByEntryYear(int entryYear);

    List<Transition> findByEntryYearAndFeederSchoolIdOrderByLegalSurnameAscLegalForenameAsc(int entryYear, Long feederSchoolId);

    List<Transition> findByStudentIdOrderByEntryYearDesc(Long studentId);

    List<Transition> findByEntryYearAndStatusOrderByWithdrawnAtDesc(int entryYear, String status);
}
