package org.pastoralflow.investigation;

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
}
