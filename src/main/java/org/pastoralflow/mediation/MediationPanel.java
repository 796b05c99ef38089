package org.pastoralflow.mediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.pastoralflow.workflow.CaseProcesses;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Mediations the student is a party to, on the student page; open ones with their diagram; the other parties. */
@Component
class MediationPanel implements StudentPanel, CaseProcesses {

    private final MediationService mediations;

    MediationPanel(MediationService mediations) {
        this.mediations = mediations;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        model.addAttribute("mediations", mediations.ofStudent(student.getId(), viewer));
    }

    @Override
    public List<CaseProcess> openFor(Long studentId, Viewer viewer) {
        return mediations.ofStudent(studentId, viewer).stream().filter(m -> m.getClosedAt() == null && m.getProcessInstanceId() != null)
                .map(m -> new CaseProcess("Restorative mediation", m.getReference(), "/mediations/" + m.getReference(),
                        m.getProcessInstanceId(), mediations.classify(m))).toList();
    }

    @Override
    public List<LinkedStudent> linkedStudents(Student student, Viewer viewer) {
        List<LinkedStudent> linked = new ArrayList<>();
        for (Mediation m : mediations.ofStudent(student.getId(), viewer)) {
            Map<Long, Student> parties = mediations.studentsOf(m);
            parties.values().stream().filter(s -> !s.getId().equals(student.getId()))
                    .forEach(s -> linked.add(new LinkedStudent(s, "party to mediation " + m.getReference())));
        }
        return linked;
    }
}
