package org.pastoralflow.family;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The student's parents and carers on the student page, restrictions shown. The page's "Contacts with
 * home" stays a view of the chronology (every feature's contact entries, this log's among them).
 */
@Component
class FamilyPanel implements StudentPanel {

    private final FamilyContacts contacts;

    FamilyPanel(FamilyContacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        model.addAttribute("familyContacts", contacts.of(student.getId(), viewer));
    }
}
