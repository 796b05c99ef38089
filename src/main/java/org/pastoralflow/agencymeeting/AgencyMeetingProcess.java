package org.pastoralflow.agencymeeting;

/** Names shared by agency-meeting.bpmn, agency-action.bpmn and the code. */
public final class AgencyMeetingProcess {

    public static final String KEY = "agency-meeting";
    public static final String ACTION_KEY = "agency-action";
    public static final String SOURCE_TYPE = "agency-meeting";
    public static final String ACTION_SOURCE_TYPE = "agency-action";

    /** Both models: the student (the inbox says who a task is about) and the business key. */
    public static final String STUDENT_ID = "studentId";
    public static final String REFERENCE = "reference";
    /** The series' keeper: its group, and a named person (null: anyone in the group). */
    public static final String OWNER_GROUP = "ownerGroup";
    public static final String OWNER = "owner";

    public static final String SERIES_ID = "seriesId";
    /** Set by "Record the meeting": the meeting just recorded, and whether another is planned. */
    public static final String MEETING_ID = "meetingId";
    public static final String GOES_ON = "seriesGoesOn";
    public static final String MESSAGE_CLOSED = "AgencyMeetingSeriesClosed";
    /** The planned meeting moved: caught while waiting for its day, or on the day by "Record the meeting". */
    public static final String MESSAGE_MOVED = "AgencyMeetingMoved";

    public static final String ACTION_ID = "actionId";
    public static final String SCHOOL_ACTION = "schoolAction";
    /** A school action's named member of staff (null: its group). */
    public static final String ACTION_ASSIGNEE = "actionAssignee";
    /** The chase's outcome: done, a new date, or dropped. */
    public static final String CHASE_OUTCOME = "chaseOutcome";
    public static final String MESSAGE_ACTION_DONE = "AgencyActionDone";

    public static final String TASK_RECORD_MEETING = "Task_RecordMeeting";
    public static final String TASK_SCHOOL_ACTION = "Task_SchoolAction";
    public static final String TASK_CHASE_AGENCY = "Task_ChaseAgency";

    public static final String DONE = "done";
    public static final String NEW_DATE = "new-date";
    public static final String DROPPED = "dropped";

    private AgencyMeetingProcess() {
    }
}
