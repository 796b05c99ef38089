package org.pastoralflow.transition;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Where the student came from (the Year 6 to Year 7 transition) and, for the DSL group, their leaving records. */
@Component
class TransitionPanel implements StudentPanel {

    private final Transitions transitions;
    private final LeaverRepository leavers;

    private final org.pastoralflow.security.AccessPolicy policy;

    TransitionPanel(Transitions transitions, LeaverRepository leavers, org.pastoralflow.security.AccessPolicy policy) {
        this.policy = policy;
        this.transitions = transitions;
        this.leavers = leavers;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        model.addAttribute("transitions", transitions.ofStudent(student.getId(), viewer));
        model.addAttribute("leavers", policy.readable(viewer, leavers.findByStudentIdOrderByRecordedAtDesc(student.getId()),
                LeaverService::classify));
    }
}
