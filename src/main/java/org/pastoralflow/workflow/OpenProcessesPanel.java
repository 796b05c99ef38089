package org.pastoralflow.workflow;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The open workflows about the student on their page: each with its diagram, current step and open tasks. */
@Component
class OpenProcessesPanel implements StudentPanel {

    private final StudentProcesses processes;

    OpenProcessesPanel(StudentProcesses processes) {
        this.processes = processes;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        model.addAttribute("openProcesses", processes.openFor(student.getId(), viewer));
    }
}
