package org.pastoralflow.measure;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The scales a school measures support on ({@code pastoral.interventions.scales}): a catalogue entry
 * names one, and so does a support plan.
 */
@ConfigurationProperties("pastoral.interventions")
public record MeasureSettings(List<Scale> scales) {

    /** The scale support plans scored on before they named a scale (0–100, as the plan form had it). */
    public static final Scale PLAN_SCORE = new Scale("plan-score", "Plan score", 0, 100, true);

    public MeasureSettings {
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
}
