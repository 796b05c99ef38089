package org.pastoralflow.transition;

/** Where a student stands on one milestone. */
public enum MilestoneStatus {
    /** Not known yet whether it is needed: the enhanced milestones before the triage. */
    WAITING,
    /** To be done, by its due date. */
    OPEN,
    DONE,
    /** Not part of this student's transition (a standard transition, no CP file, withdrawn). */
    NOT_NEEDED
}
