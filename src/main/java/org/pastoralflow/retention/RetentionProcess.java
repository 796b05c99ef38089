package org.pastoralflow.retention;

/** Names shared by retention-review.bpmn and the code. */
public final class RetentionProcess {

    public static final String KEY = "retention-review";
    public static final String DUE = "due";
    public static final String TASK_DECIDE = "Task_DecideRetention";

    private RetentionProcess() {
    }
}
