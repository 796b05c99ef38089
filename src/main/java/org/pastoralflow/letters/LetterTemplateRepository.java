package org.pastoralflow.letters;

import org.springframework.data.jpa.repository.JpaRepository;

interface LetterTemplateRepository extends JpaRepository<LetterTemplate, Long> {
}
