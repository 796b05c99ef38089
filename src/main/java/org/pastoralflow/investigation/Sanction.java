package org.pastoralflow.investigation;

import java.util.Map;

import org.pastoralflow.forms.Coded;

/** Sanctions under the behaviour policy. The last two are the Headteacher's to approve. */
public enum Sanction implements Coded {
    NONE("none", "No sanction"),
    DETENTION("detention", "Detention"),
    INTERNAL_EXCLUSION("internal-exclusion", "Internal exclusion"),
    SUSPENSION("suspension", "Suspension"),
    PERMANENT_EXCLUSION("permanent-exclusion", "Permanent exclusion");

    private final String code;
    private final String label;

    Sanction(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean needsHeadApproval() {
        return this == SUSPENSION || this == PERMANENT_EXCLUSION;
    }

    /** Kept so that no caller changes while investigation is split; callers then ask {@link Coded} and these go. */
    public static Map<String, String> options() {
        return Coded.options(Sanction.class);
    }

    public static Sanction of(String code) {
        return Coded.of(Sanction.class, code);
    }

    public static String labelOf(String code) {
        return code == null ? "" : of(code).label;
    }
}
