package org.pastoralflow.oncall;

/** Names shared by oncall.bpmn and the code. */
public final class OncallProcess {

    public static final String KEY = "oncall";
    public static final String CALL_ID = "callId";
    public static final String STUDENT_ID = "studentId";
    public static final String REFERENCE = "reference";
    public static final String TASK_RESPOND = "Task_Respond";
    public static final String SOURCE_TYPE = "oncall";

    private OncallProcess() {
    }
}
