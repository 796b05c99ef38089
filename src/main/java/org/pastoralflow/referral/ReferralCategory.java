package org.pastoralflow.referral;

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
}
