package org.pastoralflow.intervention;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A session of a group that has been held: its number in the schedule, the day and the group's notes on it. */
@Entity
@Table(name = "intervention_session")
public class GroupSession {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intervention_session_seq")
    @SequenceGenerator(name = "intervention_session_seq", sequenceName = "intervention_session_seq", allocationSize = 50)
    private Long id;
    private Long groupId;
    private int number;
    private LocalDate heldOn;
    private String notes;
    private String recordedBy;
    private Instant recordedAt;

    protected GroupSession() {
    }

    GroupSession(Long groupId, int number, LocalDate heldOn, String notes, String recordedBy, Instant recordedAt) {
        this.groupId = groupId;
        this.number = number;
        this.heldOn = heldOn;
        this.notes = notes;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getGroupId() {
        return groupId;
    }

    public int getNumber() {
        return number;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public String getNotes() {
        return notes;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
