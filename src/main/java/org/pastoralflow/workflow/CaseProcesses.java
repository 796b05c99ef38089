package org.pastoralflow.workflow;

import org.pastoralflow.security.Classification;

import java.util.List;

import org.pastoralflow.security.Viewer;

/**
 * A feature's workflow instances about one student, as far as the viewer may see them. The
 * student page draws each open one with its diagram; the diagram's model is served only for an
 * instance some feature lists here for that student and viewer.
 */
public interface CaseProcesses {

    /** A workflow instance about the student: what it is, its reference, the page about it. */
    /**
     * {@code record}: the record the instance is about, as the access policy sees it; the student page
     * shows only the steps and tasks of the instance that the policy lets the viewer know of.
     */
    record CaseProcess(String title, String reference, String link, String processInstanceId, Classification record) {
    }

    /** Instances that may still be running; the caller keeps those the engine says are. */
    List<CaseProcess> openFor(Long studentId, Viewer viewer);
}
