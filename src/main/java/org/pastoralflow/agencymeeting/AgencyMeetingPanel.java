package org.pastoralflow.agencymeeting;

import java.util.ArrayList;
import java.util.List;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.pastoralflow.workflow.CaseProcesses;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The student page's multi-agency meetings: the series the viewer may read, with the next meeting's date. */
@Component
class AgencyMeetingPanel implements StudentPanel, CaseProcesses {

    private final AgencyMeetings series;

    AgencyMeetingPanel(AgencyMeetings series) {
        this.series = series;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        List<MeetingSeries> all = series.ofStudent(student.getId(), viewer);
        model.addAttribute("agencyMeetings", all);
        model.addAttribute("agencyMeetingKinds", series.settings().kindOptions());
    }

    @Override
    public List<CaseProcess> openFor(Long studentId, Viewer viewer) {
        List<CaseProcess> out = new ArrayList<>();
        for (MeetingSeries s : series.ofStudent(studentId, viewer)) {
            if (s.isOpen() && s.getProcessInstanceId() != null) {
                out.add(new CaseProcess(series.kindName(s), s.getReference(), "/agency-meetings/" + s.getReference(),
                        s.getProcessInstanceId(), series.classify(s)));
            }
        }
        return out;
    }
}
