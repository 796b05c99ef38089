package org.pastoralflow.student;

import java.util.List;

import org.pastoralflow.security.Viewer;
import org.springframework.ui.Model;

/**
 * A feature's part of the student page (open referrals, support plans, ...). Features add
 * panels without the student package knowing about them.
 */
public interface StudentPanel {

    /** Another student linked to this one through a feature's record, e.g. both involved in one incident. */
    record LinkedStudent(Student student, String how) {
    }

    void addTo(Model model, Student student, Viewer viewer);

    /** Students this feature's records link to this one, as far as the viewer may see them. */
    default List<LinkedStudent> linkedStudents(Student student, Viewer viewer) {
        return List.of();
    }
}
