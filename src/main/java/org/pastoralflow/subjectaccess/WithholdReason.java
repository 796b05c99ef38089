package org.pastoralflow.subjectaccess;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why something held is not disclosed: the exemptions a school meets in a subject access request.
 * The label goes into the export's withheld list, so the requester sees which exemption applied.
 */
public enum WithholdReason {
    THIRD_PARTY("third-party", "Information about someone else (Data Protection Act 2018, Sch. 2 Part 3 para 16)"),
    SERIOUS_HARM("serious-harm", "Likely to cause serious harm to the child or someone else "
            + "(Data Protection Act 2018, Sch. 3: education and social work data)"),
    LEGAL_PRIVILEGE("legal-privilege", "Legal professional privilege (Data Protection Act 2018, Sch. 2 Part 4 para 19)"),
    OTHER("other", "Another exemption (explained)");

    private final String code;
    private final String label;

    WithholdReason(String code, String label) {
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
        Arrays.stream(values()).forEach(r -> m.put(r.code, r.label));
        return m;
    }

    public static WithholdReason of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No reason " + code));
    }
}
