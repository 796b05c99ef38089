package org.pastoralflow.investigation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface IncidentAttachmentRepository extends JpaRepository<IncidentAttachment, Long> {

    @Query("""
            select new org.pastoralflow.investigation.IncidentAttachment$Info(a.id, a.checkId, a.fileName, a.contentType,
                a.sizeBytes, a.uploadedBy, a.uploadedAt)
            from IncidentAttachment a where a.incidentId = :incident order by a.id""")
    List<IncidentAttachment.Info> infoOf(@Param("incident") Long incidentId);
}
