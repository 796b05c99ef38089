package org.pastoralflow.workflow.tables;

/** Names shared by table-change-approval.bpmn and the code. */
public final class TableChangeProcess {

    public static final String KEY = "table-change-approval";

    public static final String TABLE_CHANGE_ID = "tableChangeId";
    /** Set by the DSL's form: whether the change is approved. */
    public static final String APPROVED = "approved";

    public static final String TASK_DSL_APPROVAL = "Task_DslApproval";
    public static final String FORM_KEY = "workflow/table-change-approval";

    private TableChangeProcess() {
    }
}
