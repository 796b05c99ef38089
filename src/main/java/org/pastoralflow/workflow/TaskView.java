package org.pastoralflow.workflow;

import java.util.Set;

import java.util.Date;

/** A task as the inbox shows it: no engine types leak out of the workflow package. */
public record TaskView(String id, String name, String taskKey, String formKey, String processInstanceId,
                       String processKey, String businessKey, Date created, Date due, int priority,
                       String assignee, Long studentId, String studentName, String studentYear, Set<String> candidateGroups) {

    public boolean overdue(Date now) {
        return due != null && due.before(now);
    }

    /** "app:referral/dsl-review" → "referral/dsl-review" */
    public String form() {
        return formKey == null ? null : formKey.replaceFirst("^app:", "");
    }

    /** A copy that knows the groups the task is offered to (read only where a page needs them). */
    TaskView withCandidateGroups(Set<String> groups) {
        return new TaskView(id, name, taskKey, formKey, processInstanceId, processKey, businessKey, created, due, priority,
                assignee, studentId, studentName, studentYear, Set.copyOf(groups));
    }

    public boolean urgent() {
        return priority >= 100;
    }
}
