package org.pastoralflow.letters;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface LetterRepository extends JpaRepository<Letter, Long> {

    Optional<Letter> findByReference(String reference);

    List<Letter> findTop20ByStudentIdOrderBySentAtDescIdDesc(Long studentId);
}
