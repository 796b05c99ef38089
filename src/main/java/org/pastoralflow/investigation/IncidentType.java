package org.pastoralflow.investigation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** What kind of incident it was, as the member of staff logging it chooses. */
public enum IncidentType {
    FIGHT("fight", "Fight"),
    BULLYING("bullying", "Bullying"),
    DAMAGE("damage", "Damage to property"),
    DISCRIMINATORY_LANGUAGE("discriminatory-language", "Discriminatory language"),
    HARMFUL_SEXUAL_BEHAVIOUR("harmful-sexual-behaviour", "Harmful sexual behaviour"),
    ONLINE("online", "Online"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    IncidentType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Child-on-child sexual violence and harassment (KCSIE Part 5): the account is for the DSL only. */
    public boolean isSafeguarding() {
        return this == HARMFUL_SEXUAL_BEHAVIOUR;
    }

    /** Goes to the DSL as a referral as well as being investigated. */
    public boolean isReferredToDsl() {
        return this == HARMFUL_SEXUAL_BEHAVIOUR || this == DISCRIMINATORY_LANGUAGE;
    }

    public static Map<String, String> options() {
        Map<String, String> m = new LinkedHashMap<>();
        Arrays.stream(values()).forEach(t -> m.put(t.code, t.label));
        return m;
    }

    public static IncidentType of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No incident type " + code));
    }
}
