package org.pastoralflow.reportcard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import org.pastoralflow.security.Confidentiality;

/** A student on report: the level, up to three targets, the school days it runs, who reviews it, and how it ended. */
@Entity
public class ReportCard {

    public static final String SUCCESS = "success";
    public static final String NOT_MET = "not-met";
    public static final String CANCELLED = "cancelled";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_card_seq")
    @SequenceGenerator(name = "report_card_seq", sequenceName = "report_card_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private Long studentId;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private String levelCode;
    private String target1;
    private String target2;
    private String target3;
    private String reason;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private String reviewer;
    private String startedBy;
    private Instant startedAt;
    private String outcome;
    private String outcomeNotes;
    private Instant closedAt;
    private String processInstanceId;
    @Version
    private long version;

    protected ReportCard() {
    }

    ReportCard(String reference, Long studentId, String levelCode, List<String> targets, String reason, LocalDate startsOn,
               LocalDate endsOn, String reviewer, String startedBy, Instant startedAt) {
        this.reference = reference;
        this.studentId = studentId;
        this.confidentiality = Confidentiality.PASTORAL;
        this.levelCode = levelCode;
        this.target1 = targets.get(0);
        this.target2 = targets.size() > 1 ? targets.get(1) : null;
        this.target3 = targets.size() > 2 ? targets.get(2) : null;
        this.reason = reason;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.reviewer = reviewer;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void extendTo(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    /** A new level is reviewed by its own group, not by the person named for the old one. */
    void moveTo(String levelCode) {
        this.levelCode = levelCode;
        this.reviewer = null;
    }

    void close(String outcome, String notes, Instant at) {
        this.outcome = outcome;
        this.outcomeNotes = notes;
        this.closedAt = at;
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    /** Whether lessons on this day are on the card. */
    public boolean runsOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** The targets in order, 1 to 3. */
    public List<String> targets() {
        List<String> out = new ArrayList<>(List.of(target1));
        if (target2 != null) {
            out.add(target2);
        }
        if (target3 != null) {
            out.add(target3);
        }
        return out;
    }

    public String status() {
        if (closedAt == null) {
            return "On report";
        }
        return switch (outcome) {
            case SUCCESS -> "Ended: targets met";
            case NOT_MET -> "Ended: other support";
            case CANCELLED -> "Cancelled";
            default -> "Ended";
        };
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

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public String getLevelCode() {
        return levelCode;
    }

    public String getReason() {
        return reason;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public String getReviewer() {
        return reviewer;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getOutcomeNotes() {
        return outcomeNotes;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
