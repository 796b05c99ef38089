package org.pastoralflow.behaviour;

import java.time.Instant;

import org.pastoralflow.security.Confidentiality;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/**
 * One student's line of a quick log: the category and its points as they were when logged, where,
 * an optional note. A log for a class is one line per student sharing a {@code batch} reference.
 */
@Entity
public class BehaviourLog {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "behaviour_log_seq")
    @SequenceGenerator(name = "behaviour_log_seq", sequenceName = "behaviour_log_seq", allocationSize = 50)
    private Long id;
    private String batch;
    private Long studentId;
    private String category;
    private boolean achievement;
    private int points;
    private String place;
    private String note;
    private Instant occurredAt;
    private String recordedBy;
    private Instant recordedAt;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private Long incidentId;

    protected BehaviourLog() {
    }

    BehaviourLog(String batch, Long studentId, BehaviourSettings.Category category, String place, String note,
                 Instant occurredAt, String recordedBy, Instant recordedAt) {
        this.batch = batch;
        this.studentId = studentId;
        this.category = category.code();
        this.achievement = category.achievement();
        this.points = category.points();
        this.place = place;
        this.note = note;
        this.occurredAt = occurredAt;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.confidentiality = Confidentiality.PASTORAL;
    }

    void investigatedAs(Long incidentId) {
        this.incidentId = incidentId;
    }

    public Long getId() {
        return id;
    }

    public String getBatch() {
        return batch;
    }

    public Long getStudentId() {
        return studentId;
    }

    public String getCategory() {
        return category;
    }

    public boolean isAchievement() {
        return achievement;
    }

    public int getPoints() {
        return points;
    }

    public String getSignedPoints() {
        return BehaviourSettings.signed(points);
    }

    public String getPlace() {
        return place;
    }

    public String getNote() {
        return note;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public Long getIncidentId() {
        return incidentId;
    }
}
