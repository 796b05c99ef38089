package org.pastoralflow.suspension;

/** Names shared by suspension.bpmn and the code. */
public final class SuspensionProcess {

    public static final String KEY = "suspension";

    public static final String SUSPENSION_ID = "suspensionId";
    public static final String REFERENCE = "reference";
    /**
     * Who works the tasks, as candidate groups: routing codes set at the start from the suspension's
     * level, never the fact behind them. A suspension after a safeguarding incident is the DSL's:
     * every task goes to {@link #DSL}; otherwise the notice and the reintegration meeting to
     * {@link #CASEWORKERS}, telling the local authority and the virtual school head to {@link #LEADERS},
     * the governors' steps to {@link #HEAD}.
     */
    public static final String CASEWORKER_GROUPS = "caseworkerGroups";
    public static final String LEADER_GROUPS = "leaderGroups";
    public static final String HEAD_GROUPS = "headGroups";
    public static final String CASEWORKERS = "pso,hoy";
    public static final String LEADERS = "slt,pastoral-lead";
    public static final String HEAD = "slt";
    public static final String DSL = "dsl";
    /**
     * Routing codes the step "Count this term's suspension days" hands to the gateways right after it,
     * as transient variables: the engine never keeps them (they say something about the child).
     */
    public static final String TELL_GOVERNORS = "tellGovernors";
    public static final String CONSIDER_REINSTATEMENT = "considerReinstatement";
    public static final String TELL_VIRTUAL_SCHOOL = "tellVirtualSchool";
    /** When the pupil comes back (the return day at the return time), and the reminder a school day before. */
    public static final String RETURN_AT = "returnAt";
    public static final String REMIND_AT = "reintegrationRemindAt";

    public static final String TASK_PARENT_NOTICE = "Task_SendParentNotice";
    public static final String TASK_LOCAL_AUTHORITY = "Task_TellLocalAuthority";
    public static final String TASK_GOVERNORS = "Task_TellGoverningBoard";
    public static final String TASK_REINSTATEMENT = "Task_ConsiderReinstatement";
    public static final String TASK_VIRTUAL_SCHOOL = "Task_TellVirtualSchoolHead";
    public static final String TASK_REINTEGRATION = "Task_ReintegrationMeeting";

    public static final String SOURCE_TYPE = "suspension";

    private SuspensionProcess() {
    }
}
