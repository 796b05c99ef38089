package org.pastoralflow.investigation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** One item of the investigation's checklist: open, done, or not applicable with a reason; who and when. */
@Entity
public class IncidentCheck {

    public enum Status { OPEN, DONE, NOT_APPLICABLE }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_check_seq")
    @SequenceGenerator(name = "incident_check_seq", sequenceName = "incident_check_seq", allocationSize = 50)
    private Long id;
    private Long incidentId;
    private int position;
    @Enumerated(EnumType.STRING)
    private CheckKind kind;
    private Long studentId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String detail;
    private String reason;
    private String contactWith;
    private String contactMethod;
    private Instant contactAt;
    private String doneBy;
    private Instant doneAt;
    private Instant warnedAt;

    protected IncidentCheck() {
    }

    IncidentCheck(Long incidentId, int position, CheckKind kind, Long studentId) {
        this.incidentId = incidentId;
        this.position = position;
        this.kind = kind;
        this.studentId = studentId;
        this.status = Status.OPEN;
    }

    void done(String detail, String by, Instant at) {
        this.status = Status.DONE;
        this.detail = detail;
        this.reason = null;
        this.doneBy = by;
        this.doneAt = at;
    }

    void notApplicable(String reason, String by, Instant at) {
        this.status = Status.NOT_APPLICABLE;
        this.reason = reason;
        this.detail = null;
        this.doneBy = by;
        this.doneAt = at;
    }

    void contact(String with, String method, Instant at) {
        this.contactWith = with;
        this.contactMethod = method;
        this.contactAt = at;
    }

    void warned(Instant at) {
        this.warnedAt = at;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public Long getId() {
        return id;
    }

    public Long getIncidentId() {
        return incidentId;
    }

    public int getPosition() {
        return position;
    }

    public CheckKind getKind() {
        return kind;
    }

    public Long getStudentId() {
        return studentId;
    }

    public Status getStatus() {
        return status;
    }

    public String getStatusLabel() {
        return switch (status) {
            case OPEN -> "Open";
            case DONE -> "Done";
            case NOT_APPLICABLE -> "Not applicable";
        };
    }

    public String getDetail() {
        return detail;
    }

    public String getReason() {
        return reason;
    }

    public String getContactWith() {
        return contactWith;
    }

    public String getContactMethod() {
        return contactMethod;
    }

    public Instant getContactAt() {
        return contactAt;
    }

    public String getDoneBy() {
        return doneBy;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public Instant getWarnedAt() {
        return warnedAt;
    }
}
