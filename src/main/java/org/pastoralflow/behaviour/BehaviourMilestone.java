package org.pastoralflow.behaviour;

import java.time.Instant;
import java.time.LocalDate;

import org.pastoralflow.security.Confidentiality;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A student reached an achievement milestone (50, 100, 200 points) in a school year: once each. */
@Entity
public class BehaviourMilestone {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "behaviour_milestone_seq")
    @SequenceGenerator(name = "behaviour_milestone_seq", sequenceName = "behaviour_milestone_seq", allocationSize = 50)
    private Long id;
    private Long studentId;
    private LocalDate schoolYearStart;
    private int points;
    private Instant reachedAt;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;

    protected BehaviourMilestone() {
    }

    BehaviourMilestone(Long studentId, LocalDate schoolYearStart, int points, Instant reachedAt) {
        this.studentId = studentId;
        this.schoolYearStart = schoolYearStart;
        this.points = points;
        this.reachedAt = reachedAt;
        this.confidentiality = Confidentiality.PASTORAL;
    }

    public Long getId() {
        return id;
    }

    public Long getStudentId() {
        return studentId;
    }

    public LocalDate getSchoolYearStart() {
        return schoolYearStart;
    }

    public int getPoints() {
        return points;
    }

    public Instant getReachedAt() {
        return reachedAt;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }
}
