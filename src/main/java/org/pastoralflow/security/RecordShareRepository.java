package org.pastoralflow.security;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RecordShareRepository extends JpaRepository<RecordShare, Long> {

    List<RecordShare> findByUserIdAndRevokedAtIsNull(String userId);

    List<RecordShare> findByRecordTypeAndRecordIdOrderBySharedAtAsc(String recordType, Long recordId);
}
