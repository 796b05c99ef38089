package org.pastoralflow.referral;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentPanel;
import org.pastoralflow.supportplan.SupportPlans;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Referrals and support plans on the student page, as far as the viewer may see them. */
@Component
class ReferralPanel implements StudentPanel {

    private final ReferralService referrals;
    private final SupportPlans plans;

    ReferralPanel(ReferralService referrals, SupportPlans plans) {
        this.referrals = referrals;
        this.plans = plans;
    }

    @Override
    public void addTo(Model model, Student student, Viewer viewer) {
        model.addAttribute("referrals", referrals.aboutStudent(student.getId()).stream()
                .filter(r -> r.getRoute() != null && referrals.confidentialityNow(r).visibleTo(viewer)).toList());
        model.addAttribute("plans", plans.plansOf(student.getId(), viewer));
    }
}
