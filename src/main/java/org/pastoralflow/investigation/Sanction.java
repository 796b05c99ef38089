package org.pastoralflow.investigation;

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

    public static String labelOf(String code) {
        return code == null ? "" : Coded.of(Sanction.class, code).label;
    }
}
