package org.pastoralflow.attendance;

import java.util.List;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.pastoralflow.workflow.CaseProcesses;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Attendance this school year and attendance concerns on the student page; open concerns with their diagram. */
@Component
class AttendancePanel implements StudentPanel, CaseProcesses {

    private final AttendanceService attendance;

    AttendancePanel(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        model.addAttribute("attendance", attendance.latest(student.getId()));
        model.addAttribute("lates", attendance.latesThisYear(student.getId()));
        model.addAttribute("attendanceConcerns", visible(student.getId(), viewer));
    }

    /** As the access policy decides: threshold concerns are pastoral; the 10-school-day alerts are the DSL's. */
    private List<AttendanceConcern> visible(Long studentId, Viewer viewer) {
        return attendance.concernsOf(studentId, viewer);
    }

    @Override
    public List<CaseProcess> openFor(Long studentId, Viewer viewer) {
        return visible(studentId, viewer).stream().filter(c -> c.getClosedAt() == null && c.getProcessInstanceId() != null)
                .map(c -> new CaseProcess(c.describe(),
                        c.getReference(), null, c.getProcessInstanceId(), AttendanceService.classify(c))).toList();
    }
}
