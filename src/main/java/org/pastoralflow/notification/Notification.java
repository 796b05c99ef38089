package org.pastoralflow.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** An e-mail the system sent or tried to send: the outbox is the proof that urgent work was announced. */
@Entity
public class Notification {

    public enum Status { PENDING, SENT, NOT_CONFIGURED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    private Long id;
    private Instant createdAt;
    private String recipients;
    private String subject;
    private String body;
    private String status;
    private String error;
    private Instant sentAt;

    protected Notification() {
    }

    public Notification(String recipients, String subject, String body) {
        this.createdAt = Instant.now();
        this.recipients = recipients;
        this.subject = subject;
        this.body = body;
        this.status = Status.PENDING.name();
    }

    void sent() {
        status = Status.SENT.name();
        sentAt = Instant.now();
    }

    void failed(Status why, String message) {
        status = why.name();
        error = message == null ? null : message.substring(0, Math.min(1000, message.length()));
    }

    public Long getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getRecipients() {
        return recipients;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getStatus() {
        return status;
    }

    public String getError() {
        return error;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
