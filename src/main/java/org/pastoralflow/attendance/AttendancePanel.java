package org.pastoralflow.attendance;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Attendance this school year and attendance concerns on the student page. */
@Component
class AttendancePanel implements StudentPanel {

    private final AttendanceService attendance;

    AttendancePanel(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        model.addAttribute("attendance", attendance.latest(student.getId()));
        model.addAttribute("attendanceConcerns", attendance.concernsOf(student.getId()).stream()
                .filter(c -> AttendanceConcern.THRESHOLD.equals(c.getKind()) || viewer.groups().contains("dsl")).toList());
    }
}
