package org.pastoralflow.referral;

import java.util.HashMap;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.supportplan.Interventions;
import org.pastoralflow.supportplan.SupportPlans;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;
import org.springframework.stereotype.Component;

/** "Write support plan": goals, interventions, a baseline measure, parent/carer informed. */
@Component
class SupportPlanForm implements TaskForm {

    private final ReferralService referrals;
    private final SupportPlans plans;
    private final CaseStore caseStore;

    SupportPlanForm(ReferralService referrals, SupportPlans plans, CaseStore caseStore) {
        this.referrals = referrals;
        this.plans = plans;
        this.caseStore = caseStore;
    }

    @Override
    public String key() {
        return "referral/support-plan";
    }

    @Override
    public String view() {
        return "referral/support-plan";
    }

    @Override
    public Map<String, Object> model(TaskView task, Viewer viewer) {
        Referral r = referral(task);
        Map<String, Object> model = referrals.caseModel(r, viewer, "task " + key());
        model.put("interventions", Interventions.OPTIONS);
        model.put("scales", plans.scaleOptions());
        return model;
    }

    @Override
    public Map<String, Object> complete(TaskView task, FormData data, Viewer viewer) {
        Referral r = referral(task);
        SupportPlans.SupportPlanInput input = plans.read(data);
        data.throwIfInvalid();
        plans.start(r.getStudentId(), r.getId(), r.getRoute(), input, viewer);
        referrals.moveTo(r, Stage.SUPPORT_PLAN);
        return Map.of();
    }

    private Referral referral(TaskView task) {
        return referrals.byReference(task.businessKey()).orElseThrow();
    }
}
