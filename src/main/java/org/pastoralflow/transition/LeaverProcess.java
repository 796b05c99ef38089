package org.pastoralflow.transition;

/** Names shared by leaver.bpmn and the code. */
public final class LeaverProcess {

    public static final String KEY = "leaver";

    public static final String LEAVER_ID = "leaverId";
    public static final String STUDENT_ID = org.pastoralflow.workflow.TaskInbox.STUDENT_ID;
    public static final String REFERENCE = "reference";
    /** KCSIE: 5 school days after an in-year move, or the first 5 school days of the new term. */
    public static final String TRANSFER_DUE_AT = "transferDueAt";
    /** Transient: set by "Check for a child protection file" for the gateway right after it, never stored by the engine. */
    public static final String HAS_CP_FILE = "hasCpFile";
    /** False when there is no receiving school or college: the file is kept and the local authority told. */
    public static final String CP_FILE_SENT = "cpFileSent";

    public static final String TASK_TRANSFER = "Task_TransferCpFile";
    public static final String TASK_RECEIPT = "Task_ConfirmReceipt";

    public static final String SOURCE_TYPE = "leaver";

    private LeaverProcess() {
    }
}
