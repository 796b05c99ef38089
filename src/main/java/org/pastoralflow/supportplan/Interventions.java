package org.pastoralflow.supportplan;

import java.util.LinkedHashMap;
import java.util.Map;

/** The interventions a pastoral team offers; sessions are logged against one of them. */
public final class Interventions {

    public static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("mentoring", "1:1 mentoring");
        OPTIONS.put("check-ins", "Check-ins");
        OPTIONS.put("anger-management", "Anger management group");
        OPTIONS.put("self-esteem", "Self-esteem group");
        OPTIONS.put("emotional-literacy", "Emotional literacy");
        OPTIONS.put("thrive", "Thrive");
        OPTIONS.put("elsa", "ELSA");
        OPTIONS.put("other", "Other");
    }

    private Interventions() {
    }

    public static String label(String code) {
        return OPTIONS.getOrDefault(code, code);
    }
}
