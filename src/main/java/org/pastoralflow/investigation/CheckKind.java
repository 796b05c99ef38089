package org.pastoralflow.investigation;

/**
 * The items of an investigation's checklist. Every item that gates the outcome must be done, or
 * marked not applicable with a reason, before an outcome can be recorded.
 */
public enum CheckKind {
    USE_OF_FORCE("Use-of-force record, parents told the same day", true, InvestigationProcess.TASK_USE_OF_FORCE),
    STUDENT_STATEMENT("Statement from the student", true, InvestigationProcess.TASK_STUDENT_STATEMENT),
    STAFF_STATEMENTS("Statements from staff", true, InvestigationProcess.TASK_STAFF_STATEMENTS),
    CCTV("CCTV checked before it is overwritten", true, InvestigationProcess.TASK_CCTV),
    LSC_CONSULTATION("Learning Support Centre consulted", true, InvestigationProcess.TASK_LSC),
    PARENT_CONTACT("Parents contacted about the outcome", false, InvestigationProcess.TASK_PARENTS);

    private final String label;
    private final boolean gatesOutcome;
    private final String taskKey;

    CheckKind(String label, boolean gatesOutcome, String taskKey) {
        this.label = label;
        this.gatesOutcome = gatesOutcome;
        this.taskKey = taskKey;
    }

    public String label() {
        return label;
    }

    public boolean gatesOutcome() {
        return gatesOutcome;
    }

    public String taskKey() {
        return taskKey;
    }
}
