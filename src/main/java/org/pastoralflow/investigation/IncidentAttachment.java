package org.pastoralflow.investigation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A scanned statement or photo attached to a checklist item, stored in the database with the record. */
@Entity
public class IncidentAttachment {

    /** What a page lists about an attachment, without loading its content. */
    public record Info(Long id, Long checkId, String fileName, String contentType, long sizeBytes, String uploadedBy,
                       Instant uploadedAt) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_attachment_seq")
    @SequenceGenerator(name = "incident_attachment_seq", sequenceName = "incident_attachment_seq", allocationSize = 50)
    private Long id;
    private Long incidentId;
    private Long checkId;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private byte[] content;
    private String uploadedBy;
    private Instant uploadedAt;

    protected IncidentAttachment() {
    }

    IncidentAttachment(Long incidentId, Long checkId, String fileName, String contentType, byte[] content, String sha256,
                       String uploadedBy, Instant at) {
        this.incidentId = incidentId;
        this.checkId = checkId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = content.length;
        this.content = content;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getIncidentId() {
        return incidentId;
    }

    public Long getCheckId() {
        return checkId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getContent() {
        return content;
    }
}
