package org.pastoralflow.behaviour;

/** Names shared by behaviour-follow-up.bpmn, behaviour-thresholds.dmn and the code. */
public final class BehaviourProcess {

    public static final String KEY = "behaviour-follow-up";
    public static final String THRESHOLDS = "behaviour-thresholds";

    public static final String FOLLOW_UP_ID = "followUpId";
    public static final String STUDENT_ID = "studentId";
    public static final String REFERENCE = "reference";
    /** The group the decision table hands the follow-up to. */
    public static final String FOLLOW_UP_GROUP = "followUpGroup";
    public static final String DECISION = "decision";

    /** Inputs of the decision table. */
    public static final String NEGATIVE_POINTS = "negativePoints";
    public static final String YEAR_GROUP = "yearGroup";

    public static final String ON_REPORT = "on-report";
    public static final String PSO_CHECK_IN = "pso-check-in";
    public static final String NOTHING = "nothing";

    public static final String SOURCE_LOG = "behaviour-log";
    public static final String SOURCE_FOLLOW_UP = "behaviour-follow-up";
    public static final String SOURCE_MILESTONE = "behaviour-milestone";

    private BehaviourProcess() {
    }
}
