package org.pastoralflow.letters;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The student's letters home on the student page, and whether one can be sent (someone to send it to). */
@Component
class LettersPanel implements StudentPanel {

    private final Letters letters;

    LettersPanel(Letters letters) {
        this.letters = letters;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        model.addAttribute("letters", letters.recent(student.getId(), viewer));
    }
}
