package org.pastoralflow.attendance;

import org.pastoralflow.security.Confidentiality;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** An attendance concern: the figures when it opened, and those it closed with. */
@Entity
public class AttendanceConcern {

    public static final String THRESHOLD = "THRESHOLD";
    public static final String MISSING_EDUCATION = "MISSING_EDUCATION";
    public static final String LATENESS = "LATENESS";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attendance_concern_seq")
    @SequenceGenerator(name = "attendance_concern_seq", sequenceName = "attendance_concern_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private Long studentId;
    private String kind;
    private boolean severe;
    private Instant openedAt;
    private int openedPossible;
    private int openedAttended;
    private Instant closedAt;
    private Integer closedPossible;
    private Integer closedAttended;
    private String outcome;
    private String processInstanceId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Confidentiality confidentiality;

    protected AttendanceConcern() {
    }

    AttendanceConcern(String reference, Long studentId, String kind, boolean severe, Figures at, Instant openedAt) {
        this.reference = reference;
        this.studentId = studentId;
        this.kind = kind;
        this.severe = severe;
        // a child possibly missing education is the DSL's to follow up (KCSIE, children missing education)
        this.confidentiality = MISSING_EDUCATION.equals(kind) ? Confidentiality.SAFEGUARDING : Confidentiality.PASTORAL;
        this.openedAt = openedAt;
        this.openedPossible = at.possible();
        this.openedAttended = at.attended();
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void close(String outcome, Figures at, Instant closedAt) {
        this.outcome = outcome;
        this.closedAt = closedAt;
        if (at != null) {
            this.closedPossible = at.possible();
            this.closedAttended = at.attended();
        }
    }

    /** What the concern is about, as the student page and the task list name it. */
    public String describe() {
        return switch (kind) {
            case LATENESS -> "Lateness concern";
            case MISSING_EDUCATION -> "Absent 10 school days without explanation";
            default -> severe ? "Attendance concern (severe absence)" : "Attendance concern";
        };
    }

    public Figures opened() {
        return new Figures(openedPossible, openedAttended);
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

    public String getKind() {
        return kind;
    }

    public boolean isSevere() {
        return severe;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public Integer getClosedPossible() {
        return closedPossible;
    }

    public Integer getClosedAttended() {
        return closedAttended;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
