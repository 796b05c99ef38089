package org.pastoralflow.behaviour;

import java.util.List;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.pastoralflow.workflow.CaseProcesses;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Points this week and this term, the latest logs, follow-ups and milestones on the student page; open follow-ups with their diagram. */
@Component
class BehaviourPanel implements StudentPanel, CaseProcesses {

    private final BehaviourReads reads;

    BehaviourPanel(BehaviourReads reads) {
        this.reads = reads;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        model.addAttribute("behaviour", reads.panel(student.getId(), viewer));
        model.addAttribute("behaviourDecisions", BehaviourThresholds.DECISIONS);
        model.addAttribute("behaviourCategories", reads.labels());
    }

    @Override
    public List<CaseProcess> openFor(Long studentId, Viewer viewer) {
        return reads.followUps(studentId, viewer).stream().filter(f -> f.getProcessInstanceId() != null)
                .map(f -> new CaseProcess("Behaviour follow-up", f.getReference(), null, f.getProcessInstanceId(),
                        BehaviourReads.classify(f))).toList();
    }
}
