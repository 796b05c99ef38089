package org.pastoralflow.family;

import org.pastoralflow.forms.Coded;

/** How a contact with home happened, in the words of the contact log. */
public enum ContactMethod implements Coded {
    PHONE_MADE("phone-made", "Phone call made", true),
    PHONE_RECEIVED("phone-received", "Phone call received", false),
    PHONE_NO_ANSWER("phone-no-answer", "Phone call, no answer", true),
    MEETING("meeting", "Meeting", true),
    HOME_VISIT("home-visit", "Home visit", true),
    EMAIL("email", "E-mail", true),
    LETTER("letter", "Letter", true);

    private final String code;
    private final String label;
    private final boolean fromSchool;

    ContactMethod(String code, String label, boolean fromSchool) {
        this.code = code;
        this.label = label;
        this.fromSchool = fromSchool;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * Whether the school reached out (or tried to). Only a call the person made to the school may be
     * logged with someone the school must not contact: the log records what happened, and a
     * restriction stops the school from making contact, not the person from calling.
     */
    public boolean fromSchool() {
        return fromSchool;
    }
}
