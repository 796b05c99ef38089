package org.pastoralflow.casefile;

/** The kinds of thing a chronology holds, in the words staff use. */
public enum EntryKind {
    CONCERN("Concern"),
    INCIDENT("Incident"),
    DECISION("Decision"),
    EXTERNAL_REFERRAL("External referral"),
    AGENCY_FEEDBACK("Agency feedback"),
    SUPPORT_PLAN("Support plan"),
    SESSION("Session"),
    REVIEW("Review"),
    CONTACT_HOME("Contact with home"),
    ESCALATION("Escalation"),
    NOTE("Note"),
    HANDOVER("Handover note"),
    REPORT_CARD("Report card"),
    BEHAVIOUR_LOG("Behaviour or achievement"),
    CORRECTION("Correction"),
    REMOVAL("Removal from a lesson"),
    AGENCY_MEETING("Multi-agency meeting");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
