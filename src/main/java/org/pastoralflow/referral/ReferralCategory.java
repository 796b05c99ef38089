package org.pastoralflow.referral;

import java.util.Map;

import org.pastoralflow.forms.Coded;

/** What a concern is about, as the person raising it chooses. Codes feed the routing table. */
public enum ReferralCategory implements Coded {
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

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** Kept for transition's callers while that package is split; they then ask {@link Coded} and this goes. */
    public static Map<String, String> options() {
        return Coded.options(ReferralCategory.class);
    }
}
