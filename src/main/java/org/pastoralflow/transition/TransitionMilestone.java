package org.pastoralflow.transition;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** One cell of the cohort board: a student's state on one milestone, with its due date. */
@Entity
public class TransitionMilestone {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transition_milestone_seq")
    @SequenceGenerator(name = "transition_milestone_seq", sequenceName = "transition_milestone_seq", allocationSize = 50)
    private Long id;
    private Long transitionId;
    @Enumerated(EnumType.STRING)
    private Milestone milestone;
    @Enumerated(EnumType.STRING)
    private MilestoneStatus status;
    private LocalDate dueOn;
    private LocalDate doneOn;
    private String doneBy;
    private String outcome;

    protected TransitionMilestone() {
    }

    TransitionMilestone(Long transitionId, Milestone milestone, MilestoneStatus status, LocalDate dueOn) {
        this.transitionId = transitionId;
        this.milestone = milestone;
        this.status = status;
        this.dueOn = dueOn;
    }

    void open(LocalDate due) {
        this.status = MilestoneStatus.OPEN;
        this.dueOn = due;
    }

    void done(LocalDate on, String by, String outcome) {
        this.status = MilestoneStatus.DONE;
        this.doneOn = on;
        this.doneBy = by;
        this.outcome = shortened(outcome);
    }

    private static String shortened(String outcome) {
        return outcome == null || outcome.length() <= 200 ? outcome : outcome.substring(0, 197) + "...";
    }

    /** Still open, with what has happened so far (a missed transition day waiting for its follow-up). */
    void progress(LocalDate newDue, String outcome) {
        this.status = MilestoneStatus.OPEN;
        this.dueOn = newDue;
        this.outcome = shortened(outcome);
    }

    void notNeeded(String why) {
        this.status = MilestoneStatus.NOT_NEEDED;
        this.outcome = why;
    }

    void reschedule(LocalDate due) {
        this.dueOn = due;
    }

    public Long getId() {
        return id;
    }

    public Long getTransitionId() {
        return transitionId;
    }

    public Milestone getMilestone() {
        return milestone;
    }

    public MilestoneStatus getStatus() {
        return status;
    }

    public boolean isOpen() {
        return status == MilestoneStatus.OPEN || status == MilestoneStatus.WAITING;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public LocalDate getDoneOn() {
        return doneOn;
    }

    public String getDoneBy() {
        return doneBy;
    }

    public String getOutcome() {
        return outcome;
    }
}
