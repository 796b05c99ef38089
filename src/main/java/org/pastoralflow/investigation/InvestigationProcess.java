package org.pastoralflow.investigation;

/** Names shared by investigation.bpmn and the code. */
public final class InvestigationProcess {

    public static final String KEY = "investigation";

    public static final String INCIDENT_ID = "incidentId";
    public static final String REFERENCE = "reference";
    public static final String FORCE_USED = "forceUsed";
    public static final String REFER_TO_DSL = "referToDsl";
    /**
     * Who assigns the investigator, as candidate groups: {@link #ASSIGN_DSL} for an incident whose
     * account is safeguarding, else {@link #ASSIGN_PASTORAL}. A routing code, not the fact behind it.
     */
    public static final String ASSIGN_GROUPS = "assignGroups";
    public static final String ASSIGN_DSL = "dsl";
    public static final String ASSIGN_PASTORAL = "hoy,pastoral-lead";
    public static final String INVESTIGATOR = "investigator";
    public static final String CCTV_WARN_AT = "cctvWarnAt";
    public static final String NEEDS_HEAD_APPROVAL = "needsHeadApproval";
    public static final String HEAD_APPROVED = "headApproved";
    public static final String OFFER_MEDIATION = "offerMediation";
    public static final String SUPPORT_TARGET = "supportTarget";
    /** The element variable of the tasks done once per student (multi-instance). */
    public static final String TASK_STUDENT_ID = org.pastoralflow.workflow.TaskInbox.TASK_STUDENT_ID;

    public static final String TASK_USE_OF_FORCE = "Task_RecordUseOfForce";
    public static final String TASK_ASSIGN = "Task_AssignInvestigator";
    public static final String TASK_STUDENT_STATEMENT = "Task_CollectStatement";
    public static final String TASK_STAFF_STATEMENTS = "Task_StaffStatements";
    public static final String TASK_CCTV = "Task_CheckCctv";
    public static final String TASK_LSC = "Task_ConsultLsc";
    public static final String TASK_OUTCOME = "Task_RecordOutcome";
    public static final String TASK_HEAD_APPROVAL = "Task_HeadteacherApproval";
    /** Before the Headteacher decides a suspension for a pupil with SEN or an EHCP: one task per such pupil ({@link SencoConsultationForm}). */
    public static final String TASK_CONSULT_SENCO = "Task_ConsultSenco";
    public static final String TASK_PARENTS = "Task_ContactParents";

    public static final String SOURCE_TYPE = "incident";

    private InvestigationProcess() {
    }
}
