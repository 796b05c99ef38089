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
        model.addAttribute("referrals", visible(student.getId(), viewer).stream()
                .map(r -> new Line(r.getReference(), (referrals.concernReadable(r, viewer) ? r.getCategoryLabel() + " · " : "")
                        + r.getStage().label())).toList());
        model.addAttribute("plans", plans.plansOf(student.getId(), viewer));
    }

    /** A referral on the student page: its category only for those who may read the concern. */
    record Line(String reference, String summary) {
    }

    private List<Referral> visible(Long studentId, Viewer viewer) {
        return referrals.knownAbout(studentId, viewer);
    }

    @Override
    public List<CaseProcess> openFor(Long studentId, Viewer viewer) {
        return visible(studentId, viewer).stream().filter(r -> r.getStage() != Stage.CLOSED && r.getProcessInstanceId() != null)
                .map(r -> new CaseProcess(referrals.concernReadable(r, viewer) ? "Referral: " + r.getCategoryLabel() : "Referral",
                        r.getReference(), "/referrals/" + r.getReference(), r.getProcessInstanceId(), ReferralService.classify(r)))
                .toList();
    }
}
