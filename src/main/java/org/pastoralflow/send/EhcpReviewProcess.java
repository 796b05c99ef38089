package org.pastoralflow.send;

/** Names shared by ehcp-annual-review.bpmn and the code. */
public final class EhcpReviewProcess {

    public static final String KEY = "ehcp-annual-review";
    public static final String SOURCE_TYPE = "ehcp-plan";

    public static final String PLAN_ID = "ehcpPlanId";
    /** The review under way: a new one each year, opened by Task_OpenReview. */
    public static final String REVIEW_ID = "ehcpReviewId";
    public static final String REFERENCE = "reference";
    /** The local authority's decision after the review (reg. 20: within four weeks of the meeting). */
    public static final String DECISION = "laDecision";

    public static final String MAINTAIN = "maintain";
    public static final String AMEND = "amend";
    public static final String CEASE = "cease";

    public static final String TASK_ARRANGE = "Task_ArrangeMeeting";
    public static final String TASK_INVITE = "Task_SendInvitations";
    public static final String TASK_ADVICE = "Task_CirculateAdvice";
    public static final String TASK_MEETING = "Task_HoldMeeting";
    public static final String TASK_REPORT = "Task_SendReport";
    public static final String TASK_DECISION = "Task_RecordDecision";

    /** What a chase is about, by the service task that sends it. */
    public static final String CHASE_INVITATIONS = "invitations";
    public static final String CHASE_ADVICE = "advice";
    public static final String CHASE_REPORT = "report";
    public static final String CHASE_LA = "local authority";

    /** The chase of each chasing service task of the model. */
    public static String chaseOf(String activityId) {
        return switch (activityId) {
            case "Task_ChaseInvitations" -> CHASE_INVITATIONS;
            case "Task_ChaseAdvice" -> CHASE_ADVICE;
            case "Task_ChaseReport" -> CHASE_REPORT;
            case "Task_ChaseDecision" -> CHASE_LA;
            default -> throw new IllegalArgumentException("Not a chase of " + KEY + ": " + activityId);
        };
    }

    private EhcpReviewProcess() {
    }
}
