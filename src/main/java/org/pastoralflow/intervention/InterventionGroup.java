package org.pastoralflow.intervention;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.pastoralflow.security.Confidentiality;

/**
 * A run of one intervention: who runs it, its weekly slot, the date of its first session and how many
 * sessions it has. Session n is scheduled n − 1 weeks after the first. A 1:1 intervention is a group of one.
 * Its notes are the group's own and are never copied into a member's chronology.
 */
@Entity
public class InterventionGroup {

    public static final String RECORD_TYPE = "intervention-group";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intervention_group_seq")
    @SequenceGenerator(name = "intervention_group_seq", sequenceName = "intervention_group_seq", allocationSize = 50)
    private Long id;
    private Long interventionId;
    private String name;
    private String staff;
    private int weekday;
    private LocalTime startsAt;
    private LocalDate firstSession;
    private int sessionCount;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private String notes;
    private String createdBy;
    private Instant createdAt;

    protected InterventionGroup() {
    }

    InterventionGroup(Long interventionId, String name, String staff, LocalTime startsAt, LocalDate firstSession, int sessionCount,
                      Confidentiality confidentiality, String notes, String createdBy, Instant createdAt) {
        this.interventionId = interventionId;
        this.name = name;
        this.staff = staff;
        this.weekday = firstSession.getDayOfWeek().getValue();
        this.startsAt = startsAt;
        this.firstSession = firstSession;
        this.sessionCount = sessionCount;
        this.confidentiality = confidentiality;
        this.notes = notes;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** The date session {@code number} is scheduled for, or null when the run has no such session. */
    public LocalDate scheduled(int number) {
        return number < 1 || number > sessionCount ? null : firstSession.plusWeeks(number - 1L);
    }

    public LocalDate lastSession() {
        return scheduled(sessionCount);
    }

    void notes(String notes) {
        this.notes = notes;
    }

    public Long getId() {
        return id;
    }

    public Long getInterventionId() {
        return interventionId;
    }

    public String getName() {
        return name;
    }

    public String getStaff() {
        return staff;
    }

    public DayOfWeek getWeekday() {
        return DayOfWeek.of(weekday);
    }

    public LocalTime getStartsAt() {
        return startsAt;
    }

    public LocalDate getFirstSession() {
        return firstSession;
    }

    public int getSessionCount() {
        return sessionCount;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public String getNotes() {
        return notes;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
