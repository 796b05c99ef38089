package org.pastoralflow.transition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.pastoralflow.forms.FormField;

/** One line of the contact log with a primary school: a call, a visit, information received, a chase. */
@Entity
public class FeederContact {

    /** What staff log. */
    public static final Map<String, String> KINDS = FormField.options(
            "CALL", "Phone call", "VISIT", "Visit", "EMAIL", "E-mail", "INFORMATION", "Information received",
            "MEETING", "Meeting", "OTHER", "Other");
    /** What the system logs itself. */
    static final String REQUESTED = "REQUESTED";
    static final String CHASE = "CHASE";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feeder_contact_seq")
    @SequenceGenerator(name = "feeder_contact_seq", sequenceName = "feeder_contact_seq", allocationSize = 50)
    private Long id;
    private Long feederSchoolId;
    private int entryYear;
    private String kind;
    private LocalDate occurredOn;
    private String withWhom;
    private String notes;
    private String recordedBy;
    private Instant recordedAt;

    protected FeederContact() {
    }

    FeederContact(Long feederSchoolId, int entryYear, String kind, LocalDate occurredOn, String withWhom, String notes,
                  String recordedBy, Instant at) {
        this.feederSchoolId = feederSchoolId;
        this.entryYear = entryYear;
        this.kind = kind;
        this.occurredOn = occurredOn;
        this.withWhom = withWhom;
        this.notes = notes;
        this.recordedBy = recordedBy;
        this.recordedAt = at;
    }

    public String kindLabel() {
        return switch (kind) {
            case REQUESTED -> "Information requested";
            case CHASE -> "Information overdue: chase";
            default -> KINDS.getOrDefault(kind, kind);
        };
    }

    public Long getId() {
        return id;
    }

    public Long getFeederSchoolId() {
        return feederSchoolId;
    }

    public int getEntryYear() {
        return entryYear;
    }

    public String getKind() {
        return kind;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public String getWithWhom() {
        return withWhom;
    }

    public String getNotes() {
        return notes;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
