package org.pastoralflow.referral;

import java.util.LinkedHashMap;
import java.util.Map;

/** Agencies a school refers to. */
final class Agencies {

    static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("social-care", "Children's social care");
        OPTIONS.put("early-help", "Early Help");
        OPTIONS.put("camhs", "CAMHS");
        OPTIONS.put("school-nurse", "School Nurse");
        OPTIONS.put("young-carers", "Young Carers service");
        OPTIONS.put("police", "Police");
        OPTIONS.put("other", "Other agency");
    }

    private Agencies() {
    }
}
