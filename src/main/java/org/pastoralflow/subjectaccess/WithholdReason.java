package org.pastoralflow.subjectaccess;

import org.pastoralflow.forms.Coded;

/**
 * Why something held is not disclosed: the exemptions a school meets in a subject access request.
 * The label goes into the export's withheld list, so the requester sees which exemption applied.
 */
public enum WithholdReason implements Coded {
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

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
