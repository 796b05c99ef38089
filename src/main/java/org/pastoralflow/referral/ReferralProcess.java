package org.pastoralflow.referral;

/** Names shared by referral.bpmn and the code: the process key, its variables and task keys. */
public final class ReferralProcess {

    public static final String KEY = "referral";

    public static final String REFERRAL_ID = "referralId";
    public static final String STUDENT_ID = "studentId";
    public static final String REFERENCE = "reference";
    /** Transient: given to the start transaction for the routing table only, never stored by the engine. */
    public static final String CATEGORY = "category";
    public static final String IMMEDIATE_RISK = "immediateRisk";
    /**
     * Transient, like the category: the student's year group when the concern is raised, for the routing table
     * only (a school may route by year, e.g. bereavement in Year 7 to the SENCO).
     */
    public static final String YEAR_GROUP = "yearGroup";
    public static final String ROUTE = "route";
    /** The group that holds the referral: the hand-over table's answer after each decision. */
    public static final String OWNER_GROUP = "ownerGroup";
    public static final String DSL_DECISION = "dslDecision";
    public static final String TRIAGE_DECISION = "triageDecision";
    public static final String SENCO_DECISION = "sencoDecision";
    public static final String FEEDBACK_OUTCOME = "feedbackOutcome";
    public static final String REVIEW_DECISION = "reviewDecision";
    /** Transient: set by "Check whether a DSL has it" for the gateway right after, never stored by the engine. */
    public static final String REVIEW_UNCLAIMED = "reviewUnclaimed";

    /** referral-handover.dmn: who holds the referral after a decision, by step and decision. */
    public static final String HANDOVER_DECISION = "referral-handover";
    /** The table's inputs, given to each "Decide who holds it next" as local input parameters. */
    public static final String STEP = "step";
    public static final String DECISION = "decision";
    public static final String STEP_DSL_REVIEW = "dsl-review";
    public static final String STEP_PSO_TRIAGE = "pso-triage";
    public static final String STEP_SENCO_REVIEW = "senco-review";
    public static final String STEP_AGENCY_FEEDBACK = "agency-feedback";
    public static final String STEP_PLAN_REVIEW = "plan-review";

    public static final String TASK_DSL_REVIEW = "Task_DslReview";
    public static final String TASK_PSO_TRIAGE = "Task_PsoTriage";
    public static final String TASK_SENCO_REVIEW = "Task_SencoReview";

    public static final String SOURCE_TYPE = "referral";

    private ReferralProcess() {
    }
}
