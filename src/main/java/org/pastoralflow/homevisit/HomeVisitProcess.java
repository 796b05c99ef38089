package org.pastoralflow.homevisit;

/** Names shared by home-visit.bpmn and the code. */
public final class HomeVisitProcess {

    public static final String KEY = "home-visit";
    public static final String SOURCE_TYPE = "home-visit";

    public static final String VISIT_ID = "homeVisitId";
    public static final String REFERENCE = "reference";
    /** When the visitors expect to be back (a date): both alerts are timed from it. */
    public static final String EXPECTED_BACK = "expectedBack";
    /** Who checks in: the lead visitor (assignee), the second visitor (a candidate), and the group that may check them in. */
    public static final String VISITOR = "visitor";
    public static final String SECOND_VISITOR = "secondVisitor";
    public static final String CHECK_IN_GROUP = "checkInGroup";

    public static final String TASK_CHECK_IN = "Task_CheckIn";

    private HomeVisitProcess() {
    }
}
