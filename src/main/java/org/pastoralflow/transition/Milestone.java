package org.pastoralflow.transition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The columns of the cohort board, in the order a transition runs. The child protection file is a
 * milestone of its own, tracked apart from the primary's information (KCSIE: the file travels
 * separately from the pupil file) and shown to the DSL group only.
 */
public enum Milestone {
    INFORMATION("Information from the primary", "Information"),
    CP_FILE("Child protection file", "CP file"),
    EXTRA_VISITS("Extra visits", "Extra visits"),
    SENCO_MEETING("SENCO meeting", "SENCO meeting"),
    PARENT_INTERVIEW("Parent interview", "Parent interview"),
    INTERVIEW("Transition interview", "Interview"),
    TRANSITION_DAYS("Transition days", "Transition days"),
    ON_ROLL("On roll in Year 7 (1 September)", "On roll"),
    RIGHT_START("Right Start programme", "Right Start"),
    SETTLING_IN("Settling-in review", "Settling in");

    /** Only for the enhanced transition (EHCP, looked after, CP plan, anxiety, young carer). */
    static final List<Milestone> ENHANCED = List.of(EXTRA_VISITS, SENCO_MEETING, PARENT_INTERVIEW);

    private final String label;
    private final String shortLabel;

    Milestone(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    public String label() {
        return label;
    }

    public String shortLabel() {
        return shortLabel;
    }

    public String code() {
        return name();
    }

    /** Whether its status may be shown to someone outside the DSL group: that a CP file exists is itself safeguarding. */
    public boolean safeguarding() {
        return this == CP_FILE;
    }

    /** The milestones this viewer may see, in board order. */
    public static List<Milestone> visible(boolean dsl) {
        return Arrays.stream(values()).filter(m -> dsl || !m.safeguarding()).toList();
    }

    public static Optional<Milestone> byCode(String code) {
        return Arrays.stream(values()).filter(m -> m.name().equals(code)).findFirst();
    }
}
