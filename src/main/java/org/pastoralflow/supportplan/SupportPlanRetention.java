package org.pastoralflow.supportplan;

import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.RetainedRecords;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Support plans and the sessions logged against them. */
@Component
@Order(10)
class SupportPlanRetention implements RetainedRecords {

    private final SupportPlanRepository plans;
    private final PlanSessionRepository sessions;

    SupportPlanRetention(SupportPlanRepository plans, PlanSessionRepository sessions) {
        this.plans = plans;
        this.sessions = sessions;
    }

    @Override
    public String describe() {
        return "support plans (with their sessions)";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        sessions.deleteByStudentAndConfidentiality(studentId, confidentiality);
        return plans.deleteByStudentAndConfidentiality(studentId, confidentiality);
    }
}
