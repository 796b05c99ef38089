package org.pastoralflow.student;

import org.pastoralflow.security.Viewer;
import org.springframework.ui.Model;

/**
 * A feature's part of the student page (open referrals, support plans, ...). Features add
 * panels without the student package knowing about them.
 */
public interface StudentPanel {

    void addTo(Model model, Student student, Viewer viewer);
}
