package org.pastoralflow.send;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SenEntryRepository extends JpaRepository<SenEntry, Long> {

    Optional<SenEntry> findByStudentId(Long studentId);

    Optional<SenEntry> findByReference(String reference);
}
