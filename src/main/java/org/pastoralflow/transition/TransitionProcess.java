package org.pastoralflow.transition;

/** Names shared by transition.bpmn, transition-triage.dmn and the code. */
public final class TransitionProcess {

    public static final String KEY = "transition";
    public static final String TRIAGE_DECISION = "transition-triage";

    public static final String TRANSITION_ID = "transitionId";
    public static final String REFERENCE = "reference";
    /** The September the student joins Year 7. */
    public static final String ENTRY_YEAR = "entryYear";
    /** Set when the student has a case file, so the inbox names them like any other student. */
    public static final String STUDENT_ID = org.pastoralflow.workflow.TaskInbox.STUDENT_ID;
    /*
     * The inputs of the triage table: transient variables set by "Read what the triage table needs"
     * from the transition record, used by the table in the same transaction and never stored by the
     * engine, so its tables and history hold no facts about the child (issue 13).
     */
    public static final String EHCP = "ehcp";
    public static final String IN_CARE = "inCare";
    public static final String CP_PLAN = "cpPlan";
    public static final String ANXIETY = "anxiety";
    public static final String YOUNG_CARER = "youngCarer";
    public static final String PRIMARY_RECOMMENDS = "primaryRecommends";
    /** The triage table's answer: "enhanced" or "standard". */
    public static final String PATHWAY = "pathway";
    /** After the first chase, the primary is chased again at a shorter interval. */
    public static final String PRIMARY_CHASED = "primaryChased";
    /** Transient, set by "Record the withdrawal" for the gateway after it: a CP file was expected. */
    public static final String CP_FILE_TO_DEAL_WITH = "cpFileToDealWith";
    public static final String MISSED_TRANSITION_DAY = "missedTransitionDay";
    /** Local to the "A concern is raised" event sub-process. */
    public static final String CONCERN_ID = "concernId";

    public static final String MESSAGE_CP_FILE_EXPECTED = "TransitionCpFileExpected";
    public static final String MESSAGE_CONCERN = "TransitionConcernRaised";
    public static final String MESSAGE_WITHDRAWN = "TransitionPlaceDeclined";
    public static final String MESSAGE_DAYS_RECORDED = "TransitionDaysRecorded";

    public static final String TASK_PRIMARY_INFORMATION = "Task_RecordPrimaryInformation";
    public static final String TASK_EXTRA_VISITS = "Task_ExtraVisits";
    public static final String TASK_SENCO_MEETING = "Task_SencoMeeting";
    public static final String TASK_PARENT_INTERVIEW = "Task_ParentInterview";
    public static final String TASK_INTERVIEW = "Task_TransitionInterview";
    public static final String TASK_MISSED_DAY = "Task_FollowUpMissedDay";
    public static final String TASK_RIGHT_START = "Task_RightStart";
    public static final String TASK_SETTLING_IN = "Task_SettlingInReview";
    public static final String TASK_CP_FILE = "Task_ReviewCpFile";
    public static final String TASK_CP_FILE_WITHDRAWN = "Task_CpFileAfterWithdrawal";
    public static final String EVENT_DAYS_RECORDED = "Event_TransitionDaysRecorded";

    public static final String SOURCE_TYPE = "transition";

    private TransitionProcess() {
    }
}
