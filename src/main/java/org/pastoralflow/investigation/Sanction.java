package org.pastoralflow.investigation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sanctions under the behaviour policy. The last two are the Headteacher's to approve. */
public enum Sanction {
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

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean needsHeadApproval() {
        return this == SUSPENSION || this == PERMANENT_EXCLUSION;
    }

    public static Map<String, String> options() {
        Map<String, String> m = new LinkedHashMap<>();
        Arrays.stream(values()).forEach(s -> m.put(s.code, s.label));
        return m;
    }

    public static Sanction of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No sanction " + code));
    }

    public static String labelOf(String code) {
        return code == null ? "" : of(code).label;
    }
}
