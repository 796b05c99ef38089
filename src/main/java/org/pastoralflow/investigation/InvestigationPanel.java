package org.pastoralflow.investigation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.pastoralflow.workflow.CaseProcesses;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Incidents the student was involved in, on the student page; open investigations with their diagram; who else was involved. */
@Component
class InvestigationPanel implements StudentPanel, CaseProcesses {

    private final Investigations investigations;

    InvestigationPanel(Investigations investigations) {
        this.investigations = investigations;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        model.addAttribute("incidents", investigations.ofStudent(student.getId(), viewer));
    }

    @Override
    public List<CaseProcess> openFor(Long studentId, Viewer viewer) {
        return investigations.ofStudent(studentId, viewer).stream().filter(i -> i.getClosedAt() == null && i.getProcessInstanceId() != null)
                .map(i -> new CaseProcess("Investigation: " + i.getTypeLabel(), i.getReference(), "/investigations/" + i.getReference(),
                        i.getProcessInstanceId(), investigations.classify(i)))
                .toList();
    }

    @Override
    public List<LinkedStudent> linkedStudents(Student student, Viewer viewer) {
        List<LinkedStudent> linked = new ArrayList<>();
        for (Incident i : investigations.ofStudent(student.getId(), viewer)) {
            List<IncidentStudent> all = investigations.studentsIn(i);
            Map<Long, Student> names = investigations.studentsById(all.stream().map(IncidentStudent::getStudentId).toList());
            for (IncidentStudent other : all) {
                if (!other.getStudentId().equals(student.getId()) && names.containsKey(other.getStudentId())) {
                    linked.add(new LinkedStudent(names.get(other.getStudentId()),
                            other.part().label() + " in incident " + i.getReference()));
                }
            }
        }
        return linked;
    }
}
