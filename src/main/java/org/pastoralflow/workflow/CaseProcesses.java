package org.pastoralflow.workflow;

import java.util.List;

import org.pastoralflow.security.Viewer;

/**
 * A feature's workflow instances about one student, as far as the viewer may see them. The
 * student page draws each open one with its diagram; the diagram's model is served only for an
 * instance some feature lists here for that student and viewer.
 */
public interface CaseProcesses {

    /** A workflow instance about the student: what it is, its reference, the page about it. */
    record CaseProcess(String title, String reference, String link, String processInstanceId) {
    }

    /** Instances that may still be running; the caller keeps those the engine says are. */
    List<CaseProcess> openFor(Long studentId, Viewer viewer);
}
