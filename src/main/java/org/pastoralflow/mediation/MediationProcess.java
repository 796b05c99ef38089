package org.pastoralflow.mediation;

/** Names shared by mediation.bpmn and the code. */
public final class MediationProcess {

    public static final String KEY = "mediation";

    public static final String MEDIATION_ID = "mediationId";
    public static final String REFERENCE = "reference";
    public static final String SUITABLE = "suitable";
    /** Starts false; any party's refusal sets it and ends the other consent tasks. */
    public static final String CONSENT_REFUSED = "consentRefused";
    public static final String DECISION = "mediationDecision";
    public static final String TASK_STUDENT_ID = org.pastoralflow.workflow.TaskInbox.TASK_STUDENT_ID;

    public static final String TASK_SUITABILITY = "Task_CheckSuitability";
    public static final String TASK_CONSENT = "Task_SeekConsent";
    public static final String TASK_DECLINED = "Task_NoteAlternativeSupport";
    public static final String TASK_PRE_MEETING = "Task_PreMeeting";
    public static final String TASK_MEETING = "Task_RestorativeMeeting";
    public static final String TASK_CHECK_IN = "Task_FollowUpCheckIn";
    public static final String TASK_REVIEW = "Task_ReviewMediation";
    public static final String TASK_HOY_REVIEW = "Task_HeadOfYearReview";

    public static final String SOURCE_TYPE = "mediation";
    /** Where a mediation came from: an investigation's outcome or a PSO. */
    public static final String FROM_INCIDENT = "incident";
    public static final String FROM_PSO = "pso";

    private MediationProcess() {
    }
}
