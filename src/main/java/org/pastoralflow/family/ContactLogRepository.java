package org.pastoralflow.family;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContactLogRepository extends JpaRepository<ContactLogEntry, Long> {

    Optional<ContactLogEntry> findByReference(String reference);

    List<ContactLogEntry> findByLoggedByAndFollowUpOnNotNullAndFollowUpDoneAtIsNullOrderByFollowUpOnAscIdAsc(String loggedBy);

    List<ContactLogEntry> findTop10ByStudentIdOrderByOccurredAtDescIdDesc(Long studentId);

    List<ContactLogEntry> findByFollowUpEscalatedAtNotNullAndFollowUpDoneAtIsNullOrderByFollowUpOnAscIdAsc();
}
