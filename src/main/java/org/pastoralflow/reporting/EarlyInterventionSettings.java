package org.pastoralflow.reporting;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules of the early-intervention list ({@code pastoral.early-intervention.*}): a student is
 * listed when their recent record crosses any of them. A school tunes them to its own size.
 *
 * <p>A bean with setters, not a record: the school's own values (the settings page) are bound into
 * this one instance while the application runs (docs/adr/0031); each rule is replaced whole.
 */
@ConfigurationProperties("pastoral.early-intervention")
public class EarlyInterventionSettings {

    /** At least {@code count} incidents in the last {@code schoolWeeks} school weeks, in one of these parts. */
    public record Incidents(Integer count, Integer schoolWeeks, List<String> parts) {
        public Incidents {
            count = count == null ? 3 : count;
            schoolWeeks = schoolWeeks == null ? 2 : schoolWeeks;
            parts = parts == null || parts.isEmpty() ? List.of("target", "alleged-perpetrator") : parts;
        }
    }

    /** Attendance over the last {@code weeks} weeks at least {@code dropPoints} percentage points below the {@code weeks} before. */
    public record Attendance(Double dropPoints, Integer weeks) {
        public Attendance {
            dropPoints = dropPoints == null ? 5.0 : dropPoints;
            weeks = weeks == null ? 4 : weeks;
        }
    }

    /** A concern raised in the last {@code schoolWeeks} school weeks while the student was on an open support plan. */
    public record ConcernOnPlan(Integer schoolWeeks) {
        public ConcernOnPlan {
            schoolWeeks = schoolWeeks == null ? 2 : schoolWeeks;
        }
    }

    /**
     * At least {@code points} negative behaviour points logged in the current half term (from the
     * term's start or the end of its half-term closure to the next, on the term calendar).
     */
    public record Behaviour(Integer points) {
        public Behaviour {
            points = points == null ? 10 : points;
        }
    }

    /** At least {@code count} removals from lessons in the last {@code schoolWeeks} school weeks. */
    public record Removals(Integer count, Integer schoolWeeks) {
        public Removals {
            count = count == null ? 3 : count;
            schoolWeeks = schoolWeeks == null ? 2 : schoolWeeks;
        }
    }

    private volatile Incidents incidents = new Incidents(null, null, null);
    private volatile Attendance attendance = new Attendance(null, null);
    private volatile ConcernOnPlan concernOnPlan = new ConcernOnPlan(null);
    private volatile Behaviour behaviour = new Behaviour(null);
    private volatile Removals removals = new Removals(null, null);

    public Incidents incidents() {
        return incidents;
    }

    public void setIncidents(Incidents incidents) {
        this.incidents = incidents == null ? new Incidents(null, null, null) : incidents;
    }

    public Attendance attendance() {
        return attendance;
    }

    public void setAttendance(Attendance attendance) {
        this.attendance = attendance == null ? new Attendance(null, null) : attendance;
    }

    public ConcernOnPlan concernOnPlan() {
        return concernOnPlan;
    }

    public void setConcernOnPlan(ConcernOnPlan concernOnPlan) {
        this.concernOnPlan = concernOnPlan == null ? new ConcernOnPlan(null) : concernOnPlan;
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    public void setBehaviour(Behaviour behaviour) {
        this.behaviour = behaviour == null ? new Behaviour(null) : behaviour;
    }

    public Removals removals() {
        return removals;
    }

    public void setRemovals(Removals removals) {
        this.removals = removals == null ? new Removals(null, null) : removals;
    }
}
