package org.pastoralflow.attendance;

/** Names shared by attendance.bpmn and the code. */
public final class AttendanceProcess {

    public static final String KEY = "attendance";
    public static final String TEN_DAYS_MESSAGE = "attendance-ten-days-absent";
    public static final String LATENESS_MESSAGE = "attendance-persistently-late";

    public static final String CONCERN_ID = "concernId";
    public static final String STUDENT_ID = "studentId";
    public static final String REFERENCE = "reference";
    public static final String SEVERE = "severe";
    public static final String IMPROVED = "improved";
    public static final String REVIEW_DECISION = "reviewDecision";

    public static final String SOURCE_TYPE = "attendance-concern";

    private AttendanceProcess() {
    }
}
