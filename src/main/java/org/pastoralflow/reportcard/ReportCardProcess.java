package org.pastoralflow.reportcard;

/** Names shared by report-card.bpmn and the code. */
public final class ReportCardProcess {

    public static final String KEY = "report-card";
    public static final String SOURCE_TYPE = "report-card";

    public static final String CARD_ID = "reportCardId";
    public static final String REFERENCE = "reference";
    /** When the next weekly review is due (a date; after the end when no whole week is left). */
    public static final String REVIEW_AT = "reviewAt";
    /** When the set length ends: the final review. */
    public static final String ENDS_AT = "endsAt";
    /** The group that reviews the card (its level's), and a named reviewer (null: anyone in the group). */
    public static final String REVIEWER_GROUP = "reviewerGroup";
    public static final String REVIEWER = "reviewer";
    public static final String DECISION = "reportDecision";
    /** How many school days an "extend" decision adds. */
    public static final String EXTRA_DAYS = "extraDays";
    /** How many of today's lessons have no score, set at the end of the school day. */
    public static final String UNSCORED_TODAY = "unscoredToday";

    public static final String MESSAGE_CANCELLED = "ReportCardCancelled";

    public static final String TASK_WEEKLY_REVIEW = "Task_WeeklyReview";
    public static final String TASK_FINAL_REVIEW = "Task_FinalReview";

    /** The decisions of a review. */
    public static final String END = "end";
    public static final String CONTINUE = "continue";
    public static final String EXTEND = "extend";
    public static final String STEP_UP = "step-up";
    public static final String STEP_DOWN = "step-down";
    public static final String ENDED_NOT_MET = "not-met";

    private ReportCardProcess() {
    }
}
