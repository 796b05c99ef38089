package org.pastoralflow.reporting;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules of the early-intervention list ({@code pastoral.early-intervention.*}): a student is
 * listed when their recent record crosses any of them. A school tunes them to its own size.
 */
@ConfigurationProperties("pastoral.early-intervention")
public record EarlyInterventionSettings(Incidents incidents, Attendance attendance, ConcernOnPlan concernOnPlan, Behaviour behaviour,
                                        Removals removals) {

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

    public EarlyInterventionSettings {
        behaviour = behaviour == null ? new Behaviour(null) : behaviour;
        incidents = incidents == null ? new Incidents(null, null, null) : incidents;
        attendance = attendance == null ? new Attendance(null, null) : attendance;
        concernOnPlan = concernOnPlan == null ? new ConcernOnPlan(null) : concernOnPlan;
        removals = removals == null ? new Removals(null, null) : removals;
    }
}
