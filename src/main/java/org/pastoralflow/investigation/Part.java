package org.pastoralflow.investigation;

import java.util.Map;

import org.pastoralflow.forms.Coded;

/** A student's part in an incident. Each student has exactly one, recorded in their own file. */
public enum Part implements Coded {
    TARGET("target", "Target"),
    ALLEGED_PERPETRATOR("alleged-perpetrator", "Alleged perpetrator"),
    WITNESS("witness", "Witness");

    private final String code;
    private final String label;

    Part(String code, String label) {
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

    /** Kept so that no caller changes while investigation is split; callers then ask {@link Coded} and these go. */
    public static Map<String, String> options() {
        return Coded.options(Part.class);
    }

    public static Part of(String code) {
        return Coded.of(Part.class, code);
    }
}
