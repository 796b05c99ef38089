package org.pastoralflow.referral;

import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.supportplan.SupportPlan;
import org.pastoralflow.supportplan.SupportPlans;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.TaskView;

/** "Review support plan": continue, step up, or close with an end measure against the baseline. */
class PlanReviewForm extends DecisionForm {

    private final SupportPlans plans;

    PlanReviewForm(List<Choice> choices, ReferralService referrals, CaseStore caseStore, SupportPlans plans,
                   HandoverTable handover) {
        super("referral/plan-review", "Support plan review", ReferralProcess.STEP_PLAN_REVIEW, ReferralProcess.REVIEW_DECISION,
                null, choices, referrals, caseStore, handover);
        this.plans = plans;
    }

    @Override
    public String view() {
        return "referral/plan-review";
    }

    @Override
    public Map<String, Object> model(TaskView task, Viewer viewer) {
        Map<String, Object> model = super.model(task, viewer);
        Referral r = referralOf(task);
        plans.openPlanOf(r.getId()).ifPresent(p -> {
            model.put("plan", p);
            model.put("scale", plans.scaleOf(p));
            model.put("sessions", plans.sessionsOf(p.getId()));
        });
        return model;
    }

    @Override
    protected void validateMore(Referral r, String code, FormData data) {
        if ("close".equals(code)) {
            // the end score is on the scale the plan's baseline was taken on, so the two compare
            plans.openPlanOf(r.getId()).ifPresentOrElse(p -> plans.readEndScore(p, data),
                    () -> data.integer("endScore", "End score", 0, 100, true));
        }
    }

    @Override
    protected void afterDecision(Referral r, String code, FormData data, Viewer viewer) {
        if ("close".equals(code)) {
            SupportPlan plan = plans.openPlanOf(r.getId()).orElse(null);
            if (plan != null) {
                plans.close(plan, Integer.parseInt(data.optional("endScore")), viewer);
            }
        }
    }
}
