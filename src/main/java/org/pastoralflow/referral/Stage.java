package org.pastoralflow.referral;

/** Where a referral stands, as staff handling it see it. The raiser sees only {@link #raiserStatus()}. */
public enum Stage {
    RECEIVED("Received"),
    WITH_DSL("With the DSL"),
    WITH_PSO("With a PSO for triage"),
    WITH_SENCO("With the SENCO"),
    EXTERNAL("Referred to an agency"),
    MONITORING("Monitored in school"),
    SUPPORT_PLAN("Support plan"),
    CLOSED("Closed");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** What the person who raised the concern is told: that it is being handled, never how. */
    public String raiserStatus() {
        return switch (this) {
            case RECEIVED -> "Received";
            case CLOSED -> "Closed";
            default -> "Being handled";
        };
    }
}
