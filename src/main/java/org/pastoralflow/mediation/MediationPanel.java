package org.pastoralflow.mediation;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Mediations the student is a party to, on the student page. */
@Component
class MediationPanel implements StudentPanel {

    private final MediationService mediations;

    MediationPanel(MediationService mediations) {
        this.mediations = mediations;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        model.addAttribute("mediations", mediations.ofStudent(student.getId()));
    }
}
