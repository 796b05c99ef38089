package org.pastoralflow.send;

import org.pastoralflow.forms.Coded;

/**
 * A pupil's area of special educational need, as the DfE's school census codes it (the SEN type
 * codes of the census guide; "NSA" is SEN support with no specialist assessment of the type of need).
 */
public enum NeedArea implements Coded {
    SPLD("SpLD", "Specific learning difficulty"),
    MLD("MLD", "Moderate learning difficulty"),
    SLD("SLD", "Severe learning difficulty"),
    PMLD("PMLD", "Profound and multiple learning difficulty"),
    SEMH("SEMH", "Social, emotional and mental health"),
    SLCN("SLCN", "Speech, language and communication needs"),
    HI("HI", "Hearing impairment"),
    VI("VI", "Vision impairment"),
    MSI("MSI", "Multi-sensory impairment"),
    PD("PD", "Physical disability"),
    ASD("ASD", "Autistic spectrum disorder"),
    OTH("OTH", "Other difficulty or disability"),
    NSA("NSA", "SEN support but no specialist assessment of type of need");

    private final String code;
    private final String label;

    NeedArea(String code, String label) {
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
