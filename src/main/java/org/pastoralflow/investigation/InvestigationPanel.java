package org.pastoralflow.investigation;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Incidents the student was involved in, on the student page. */
@Component
class InvestigationPanel implements StudentPanel {

    private final InvestigationService investigations;

    InvestigationPanel(InvestigationService investigations) {
        this.investigations = investigations;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        model.addAttribute("incidents", investigations.ofStudent(student.getId()));
    }
}
