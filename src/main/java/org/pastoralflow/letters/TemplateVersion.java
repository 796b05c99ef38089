package org.pastoralflow.letters;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One saved version of a letter template: a template is its {@code templateNo}, its current text the
 * highest version. Rows are never changed, so a letter can always show the text it came from.
 */
@Entity
@Table(name = "letter_template_version")
public class TemplateVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "letter_template_version_seq")
    @SequenceGenerator(name = "letter_template_version_seq", sequenceName = "letter_template_version_seq", allocationSize = 50)
    private Long id;
    private Long templateNo;
    private int version;
    private String name;
    private String subject;
    private String body;
    private String reason;
    private String savedBy;
    private Instant savedAt;

    protected TemplateVersion() {
    }

    TemplateVersion(Long templateNo, int version, String name, String subject, String body, String reason, String savedBy,
                    Instant savedAt) {
        this.templateNo = templateNo;
        this.version = version;
        this.name = name;
        this.subject = subject;
        this.body = body;
        this.reason = reason;
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getTemplateNo() {
        return templateNo;
    }

    public int getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getReason() {
        return reason;
    }

    public String getSavedBy() {
        return savedBy;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
