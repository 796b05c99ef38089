package org.pastoralflow.notification;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

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
    private int attempts;
    /** When the outbox retry should try this one (again); null once sent or given up. */
    private Instant nextAttemptAt;
    /** An e-mail to a parent or carer: it names the child, so only those who may read the letter see it. */
    private boolean toFamily;

    protected Notification() {
    }

    /**
     * @param sendBy when the retry sends it if the send after commit never happened (the node stopped)
     */
    Notification(String recipients, String subject, String body, Instant createdAt, Instant sendBy) {
        this(recipients, subject, body, createdAt, sendBy, false);
    }

    Notification(String recipients, String subject, String body, Instant createdAt, Instant sendBy, boolean toFamily) {
        this.toFamily = toFamily;
        this.createdAt = createdAt;
        this.recipients = recipients;
        this.subject = subject;
        this.body = body;
        this.status = Status.PENDING.name();
        this.nextAttemptAt = sendBy;
    }

    boolean isDone() {
        return nextAttemptAt == null && !Status.PENDING.name().equals(status);
    }

    List<String> recipientList() {
        return recipients.isBlank() ? List.of() : Arrays.stream(recipients.split(",\\s*")).toList();
    }

    void sent(Instant at) {
        attempts++;
        status = Status.SENT.name();
        error = null;
        sentAt = at;
        nextAttemptAt = null;
    }

    /** A configuration problem: trying again will not help until someone changes it. */
    void notConfigured(String why) {
        attempts++;
        status = Status.NOT_CONFIGURED.name();
        error = why;
        nextAttemptAt = null;
    }

    /** @param retryAt when to try again, or null to give up */
    void failed(String message, Instant retryAt) {
        attempts++;
        status = Status.FAILED.name();
        error = message == null ? null : message.substring(0, Math.min(1000, message.length()));
        nextAttemptAt = retryAt;
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

    public int getAttempts() {
        return attempts;
    }

    public boolean isToFamily() {
        return toFamily;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }
}
