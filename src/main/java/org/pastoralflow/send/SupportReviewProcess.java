package org.pastoralflow.send;

/** Names shared by sen-support-review.bpmn and the code. */
public final class SupportReviewProcess {

    public static final String KEY = "sen-support-review";
    public static final String SOURCE_TYPE = "sen-register";

    public static final String ENTRY_ID = "senEntryId";
    public static final String REFERENCE = "reference";
    public static final String OUTCOME = "supportOutcome";

    public static final String TASK_REVIEW = "Task_SupportReview";

    private SupportReviewProcess() {
    }
}
