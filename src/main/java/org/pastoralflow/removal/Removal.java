package org.pastoralflow.removal;

import java.time.Instant;
import java.time.LocalTime;

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
 * A student removed from a lesson: when, from which lesson, why, where to and until when; and, when
 * they were sent to the reflection room, the room's register of them (arrived, left, work set).
 */
@Entity
public class Removal {

    public static final String RECORD_TYPE = "removal";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "removal_seq")
    @SequenceGenerator(name = "removal_seq", sequenceName = "removal_seq", allocationSize = 50)
    private Long id;
    private Long studentId;
    private Instant removedAt;
    private String period;
    private String lesson;
    private String reason;
    private String note;
    private String destination;
    private Instant expectedReturn;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private String recordedBy;
    private Instant recordedAt;
    private LocalTime arrivedAt;
    private LocalTime leftAt;
    private String workSet;
    private String registerBy;
    private Instant registerAt;

    protected Removal() {
    }

    Removal(Long studentId, Instant removedAt, String period, String lesson, String reason, String note, String destination,
            Instant expectedReturn, String recordedBy, Instant recordedAt) {
        this.studentId = studentId;
        this.removedAt = removedAt;
        this.period = period;
        this.lesson = lesson;
        this.reason = reason;
        this.note = note;
        this.destination = destination;
        this.expectedReturn = expectedReturn;
        this.confidentiality = Confidentiality.PASTORAL;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void registered(LocalTime arrived, LocalTime left, String work, String by, Instant at) {
        this.arrivedAt = arrived;
        this.leftAt = left;
        this.workSet = work;
        this.registerBy = by;
        this.registerAt = at;
    }

    /** As the access policy sees it: pastoral, about one student. */
    public Classification classification() {
        return Classification.of(RECORD_TYPE, id, confidentiality, studentId);
    }

    public Long getId() {
        return id;
    }

    public Long getStudentId() {
        return studentId;
    }

    public Instant getRemovedAt() {
        return removedAt;
    }

    public String getPeriod() {
        return period;
    }

    public String getLesson() {
        return lesson;
    }

    public String getReason() {
        return reason;
    }

    public String getNote() {
        return note;
    }

    public String getDestination() {
        return destination;
    }

    public Instant getExpectedReturn() {
        return expectedReturn;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public LocalTime getArrivedAt() {
        return arrivedAt;
    }

    public LocalTime getLeftAt() {
        return leftAt;
    }

    public String getWorkSet() {
        return workSet;
    }

    public String getRegisterBy() {
        return registerBy;
    }

    public Instant getRegisterAt() {
        return registerAt;
    }
}
