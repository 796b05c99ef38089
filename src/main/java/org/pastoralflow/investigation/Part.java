package org.pastoralflow.investigation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A student's part in an incident. Each student has exactly one, recorded in their own file. */
public enum Part {
    TARGET("target", "Target"),
    ALLEGED_PERPETRATOR("alleged-perpetrator", "Alleged perpetrator"),
    WITNESS("witness", "Witness");

    private final String code;
    private final String label;

    Part(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Map<String, String> options() {
        Map<String, String> m = new LinkedHashMap<>();
        Arrays.stream(values()).forEach(p -> m.put(p.code, p.label));
        return m;
    }

    public static Part of(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No part " + code));
    }
}
