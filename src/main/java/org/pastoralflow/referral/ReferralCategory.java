package org.pastoralflow.referral;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a concern is about, as the person raising it chooses. Codes feed the routing table. */
public enum ReferralCategory {
    SAFEGUARDING("safeguarding", "Safeguarding"),
    WELFARE("welfare", "Welfare / SEMH"),
    BEHAVIOUR("behaviour", "Behaviour"),
    ATTENDANCE("attendance", "Attendance"),
    SEND("send", "SEND"),
    BEREAVEMENT("bereavement", "Bereavement"),
    YOUNG_CARER("young-carer", "Young carer"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    ReferralCategory(String code, String label) {
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
        Map<String, String> options = new LinkedHashMap<>();
        Arrays.stream(values()).forEach(c -> options.put(c.code, c.label));
        return options;
    }

    public static String labelOf(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).map(c -> c.label).findFirst().orElse(code);
    }
}
