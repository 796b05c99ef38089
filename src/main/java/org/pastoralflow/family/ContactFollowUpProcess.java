package org.pastoralflow.family;

/** Names shared by contact-follow-up.bpmn and the code. */
public final class ContactFollowUpProcess {

    public static final String KEY = "contact-follow-up";
    public static final String TASK = "Task_FollowUp";
    public static final String FORM = "family/follow-up";

    public static final String CONTACT_LOG_ID = "contactLogId";
    public static final String STUDENT_ID = "studentId";
    public static final String REFERENCE = "reference";
    /** Who logged the contact: the task is theirs. */
    public static final String LOGGED_BY = "loggedBy";
    /** The follow-up date, start of that school day: the task's due date. */
    public static final String DUE = "followUpDue";

    private ContactFollowUpProcess() {
    }
}
