package org.pastoralflow.audit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditRepository extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findByRecordTypeAndRecordId(String recordType, Long recordId);

    List<AuditEvent> findTop100ByOrderByAtDesc();

    List<AuditEvent> findTop100ByRecordTypeInAndStudentIdIsNullOrderByAtDesc(java.util.Collection<String> recordTypes);
}
