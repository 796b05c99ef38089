package org.pastoralflow.retention;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.pastoralflow.security.Confidentiality;

/** One student's records of one confidentiality, past their retention date: due, held or destroyed. */
@Entity
public class RetentionReview {

    public enum Status { DUE, HELD, DESTROYED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "retention_review_seq")
    @SequenceGenerator(name = "retention_review_seq", allocationSize = 50)
    private Long id;
    private Long studentId;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private LocalDate retainUntil;
    private int entries;
    private Instant listedAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String decidedBy;
    private Instant decidedAt;
    private String reason;
    private LocalDate heldUntil;
    private String destroyed;

    protected RetentionReview() {
    }

    RetentionReview(Long studentId, Confidentiality confidentiality, LocalDate retainUntil, int entries, Instant listedAt) {
        this.studentId = studentId;
        this.confidentiality = confidentiality;
        this.retainUntil = retainUntil;
        this.entries = entries;
        this.listedAt = listedAt;
        this.status = Status.DUE;
    }

    void hold(String by, String why, LocalDate until, Instant at) {
        status = Status.HELD;
        decidedBy = by;
        decidedAt = at;
        reason = why;
        heldUntil = until;
    }

    void destroyed(String by, String why, String what, Instant at) {
        status = Status.DESTROYED;
        decidedBy = by;
        decidedAt = at;
        reason = why;
        destroyed = what;
    }

    /** A hold that has run out comes back for a decision. */
    void dueAgain(int entriesNow, Instant at) {
        status = Status.DUE;
        entries = entriesNow;
        listedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getStudentId() {
        return studentId;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public LocalDate getRetainUntil() {
        return retainUntil;
    }

    public int getEntries() {
        return entries;
    }

    public Instant getListedAt() {
        return listedAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getReason() {
        return reason;
    }

    public LocalDate getHeldUntil() {
        return heldUntil;
    }

    public String getDestroyed() {
        return destroyed;
    }
}
