package org.pastoralflow.letters;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Confidentiality;

/**
 * A letter or e-mail sent home: to whom, how, from which template version, and the exact text sent
 * (the chronology entry it made carries the same text). Pastoral: a letter goes to a parent, so it
 * holds nothing kept from the student's pastoral team.
 */
@Entity
public class Letter {

    public static final String RECORD_TYPE = "letter";

    public enum Channel {
        EMAIL("E-mail"), POST("Letter for the post");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "letter_seq")
    @SequenceGenerator(name = "letter_seq", sequenceName = "letter_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private Long studentId;
    private Long contactId;
    private String toName;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String toAddress;
    private Long templateVersionId;
    private String subject;
    private String body;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private Long notificationId;
    private String sentBy;
    private Instant sentAt;

    protected Letter() {
    }

    Letter(String reference, Long studentId, Long contactId, String toName, Channel channel, String toAddress,
           Long templateVersionId, String subject, String body, String sentBy, Instant sentAt) {
        this.reference = reference;
        this.studentId = studentId;
        this.contactId = contactId;
        this.toName = toName;
        this.channel = channel;
        this.toAddress = toAddress;
        this.templateVersionId = templateVersionId;
        this.subject = subject;
        this.body = body;
        this.confidentiality = Confidentiality.PASTORAL;
        this.sentBy = sentBy;
        this.sentAt = sentAt;
    }

    void queued(Long notificationId) {
        this.notificationId = notificationId;
    }

    public Classification classification() {
        return Classification.of(RECORD_TYPE, id, confidentiality, studentId);
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Long getStudentId() {
        return studentId;
    }

    public Long getContactId() {
        return contactId;
    }

    public String getToName() {
        return toName;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getToAddress() {
        return toAddress;
    }

    public Long getTemplateVersionId() {
        return templateVersionId;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public Long getNotificationId() {
        return notificationId;
    }

    public String getSentBy() {
        return sentBy;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
