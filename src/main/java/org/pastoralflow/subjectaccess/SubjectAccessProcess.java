package org.pastoralflow.subjectaccess;

import org.pastoralflow.workflow.TaskInbox;

/** Names shared by subject-access.bpmn and the code. */
public final class SubjectAccessProcess {

    public static final String KEY = "subject-access";
    /** Delivers a new deadline (and the warning times that go with it) to the deadline watch. */
    public static final String EXTENDED_MESSAGE = "subject-access-extended";

    public static final String REQUEST_ID = "requestId";
    public static final String STUDENT_ID = TaskInbox.STUDENT_ID;
    public static final String REFERENCE = TaskInbox.REFERENCE;
    /** The end of the last day to answer on: the tasks' due date. */
    public static final String DEADLINE = "deadline";
    public static final String WARN_AT = "warnAt";
    public static final String ESCALATE_AT = "escalateAt";

    public static final String TASK_REVIEW = "Task_ReviewHeld";
    public static final String TASK_PRODUCE = "Task_ProduceExport";
    public static final String TASK_SEND = "Task_SendAndRecord";

    private SubjectAccessProcess() {
    }
}
