package org.pastoralflow.removal;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The student's removals from lessons this term on the student page, as the viewer may read them. */
@Component
class RemovalPanel implements StudentPanel {

    private final Removals removals;

    RemovalPanel(Removals removals) {
        this.removals = removals;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        model.addAttribute("removals", removals.thisTerm(student.getId(), viewer));
        model.addAttribute("removalZone", removals.zone());
    }
}
