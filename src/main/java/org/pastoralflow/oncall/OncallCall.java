package org.pastoralflow.oncall;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A call for help from a classroom, who answered it and how it ended. */
@Entity
public class OncallCall {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "oncall_call_seq")
    @SequenceGenerator(name = "oncall_call_seq", sequenceName = "oncall_call_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private String raisedBy;
    private Instant raisedAt;
    private String room;
    private Long studentId;
    private String studentName;
    private String reason;
    private String claimedBy;
    private Instant claimedAt;
    private boolean escalated;
    private String outcome;
    private String outcomeNotes;
    private Instant closedAt;
    private String processInstanceId;

    protected OncallCall() {
    }

    OncallCall(String reference, String raisedBy, String room, Long studentId, String studentName, String reason,
               Instant raisedAt) {
        this.reference = reference;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
        this.room = room;
        this.studentId = studentId;
        this.studentName = studentName;
        this.reason = reason;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void claimed(String by, Instant at) {
        this.claimedBy = by;
        this.claimedAt = at;
    }

    void escalated() {
        this.escalated = true;
    }

    void closed(String outcome, String notes, Instant at) {
        this.outcome = outcome;
        this.outcomeNotes = notes;
        this.closedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public String getRoom() {
        return room;
    }

    public Long getStudentId() {
        return studentId;
    }

    public String getStudentName() {
        return studentName;
    }

    public String getReason() {
        return reason;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public Instant getClaimedAt() {
        return claimedAt;
    }

    public boolean isEscalated() {
        return escalated;
    }

    public String getOutcome() {
        return outcome;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
