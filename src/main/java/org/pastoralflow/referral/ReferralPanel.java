package org.pastoralflow.referral;

import java.util.List;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.pastoralflow.supportplan.SupportPlans;
import org.pastoralflow.workflow.CaseProcesses;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Referrals and support plans on the student page, as far as the viewer may see them; open referrals with their diagram. */
@Component
class ReferralPanel implements StudentPanel, CaseProcesses {

    private final ReferralService referrals;
    private final SupportPlans plans;

    ReferralPanel(ReferralService referrals, SupportPlans plans) {
        this.referrals = referrals;
        this.plans = plans;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        model.addAttribute("referrals", visible(student.getId(), viewer));
        model.addAttribute("plans", plans.plansOf(student.getId(), viewer));
    }

    private List<Referral> visible(Long studentId, Viewer viewer) {
        return referrals.aboutStudent(studentId).stream()
                .filter(r -> r.getRoute() != null && referrals.confidentialityNow(r).visibleTo(viewer)).toList();
    }

    @Override
    public List<CaseProcess> openFor(Long studentId, Viewer viewer) {
        return visible(studentId, viewer).stream().filter(r -> r.getStage() != Stage.CLOSED && r.getProcessInstanceId() != null)
                .map(r -> new CaseProcess("Referral: " + r.getCategoryLabel(), r.getReference(), "/referrals/" + r.getReference(),
                        r.getProcessInstanceId())).toList();
    }
}
