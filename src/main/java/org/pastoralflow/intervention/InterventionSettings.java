package org.pastoralflow.intervention;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a school changes about measuring interventions ({@code pastoral.interventions.*}): the scales a
 * catalogue entry (and a support plan) measures on, each with its range and which way is better, and
 * the member sources a group can be filled from.
 */
@ConfigurationProperties("pastoral.interventions")
public record InterventionSettings(List<Scale> scales) {

    /** A measure: scores are whole numbers from {@code min} to {@code max}; for some (SDQ) a lower score is better. */
    public record Scale(String code, String name, int min, int max, boolean higherIsBetter) {

        public Scale {
            if (code == null || !code.matches("[a-z0-9-]{1,40}") || name == null || name.isBlank() || max <= min) {
                throw new IllegalStateException("pastoral.interventions.scales: each needs a code (a-z, 0-9, -), a name and min < max: "
                        + code);
            }
        }

        /** +1 improved, 0 the same, -1 worse, by the scale's direction. */
        public int direction(int entry, int exit) {
            int sign = Integer.signum(exit - entry);
            return higherIsBetter ? sign : -sign;
        }

        public String describe() {
            return name + " (" + min + "–" + max + ", " + (higherIsBetter ? "higher" : "lower") + " is better)";
        }
    }

    /** The scale support plans have always scored on (0–100, as the plan form has it), so old plans read on it. */
    public static final Scale PLAN_SCORE = new Scale("plan-score", "Plan score", 0, 100, true);

    public InterventionSettings {
        scales = scales == null || scales.isEmpty() ? List.of(
                new Scale("self-rating", "Self-rating", 1, 10, true),
                new Scale("sdq-total", "SDQ total difficulties", 0, 40, false),
                new Scale("boxall", "Boxall profile (developmental strands)", 0, 136, true),
                new Scale("attendance", "Attendance %", 0, 100, true),
                new Scale("behaviour-points", "Negative behaviour points", 0, 200, false),
                PLAN_SCORE) : List.copyOf(scales);
        if (scales.stream().map(Scale::code).distinct().count() != scales.size()) {
            throw new IllegalStateException("pastoral.interventions.scales: two scales share a code");
        }
    }

    public Optional<Scale> scale(String code) {
        return scales.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** A catalogue entry whose scale was taken out of the settings still reads, on the plans' scale. */
    public Scale scaleOrPlan(String code) {
        return scale(code).orElse(PLAN_SCORE);
    }

    public List<String> codes() {
        return scales.stream().map(Scale::code).toList();
    }
}
