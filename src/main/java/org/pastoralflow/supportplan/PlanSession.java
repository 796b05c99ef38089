package org.pastoralflow.supportplan;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** One session delivered under a support plan. */
@Entity
public class PlanSession {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_session_seq")
    @SequenceGenerator(name = "plan_session_seq", sequenceName = "plan_session_seq", allocationSize = 50)
    private Long id;
    private Long planId;
    private LocalDate heldOn;
    private String intervention;
    private String notes;
    private String recordedBy;
    private Instant recordedAt;

    protected PlanSession() {
    }

    public PlanSession(Long planId, LocalDate heldOn, String intervention, String notes, String recordedBy, Instant recordedAt) {
        this.planId = planId;
        this.heldOn = heldOn;
        this.intervention = intervention;
        this.notes = notes;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getPlanId() {
        return planId;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public String getIntervention() {
        return intervention;
    }

    public String getInterventionLabel() {
        return Interventions.label(intervention);
    }

    public String getNotes() {
        return notes;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
