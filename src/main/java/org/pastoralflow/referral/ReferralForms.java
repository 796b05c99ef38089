package org.pastoralflow.referral;

import java.util.List;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.services.LocalServices;
import org.pastoralflow.supportplan.SupportPlans;
import org.pastoralflow.workflow.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The forms of referral.bpmn's user tasks, by form key. Who holds the referral after each decision
 * is not here but in referral-handover.dmn, which the model and the forms both ask.
 */
@Configuration
class ReferralForms {

    static final List<Choice> DSL = List.of(
            new Choice("social-care", "Refer to children's social care", Stage.EXTERNAL),
            new Choice("early-help", "Refer to Early Help", Stage.EXTERNAL),
            new Choice("monitor", "Monitor in school", Stage.MONITORING),
            new Choice("pastoral-support", "Hand to a PSO for pastoral support", Stage.SUPPORT_PLAN),
            new Choice("no-further-action", "No further action", Stage.CLOSED));

    static final List<Choice> TRIAGE = List.of(
            new Choice("accept", "Accept for pastoral support", Stage.SUPPORT_PLAN),
            new Choice("signpost", "Signpost to other support", Stage.CLOSED),
            new Choice("pass-senco", "Pass to the SENCO", Stage.WITH_SENCO),
            new Choice("escalate-dsl", "Escalate to the DSL", Stage.WITH_DSL),
            new Choice("no-further-action", "No further action", Stage.CLOSED));

    static final List<Choice> SENCO = List.of(
            new Choice("send-support", "SEN support plan", Stage.SUPPORT_PLAN),
            new Choice("pass-pso", "Pass to a PSO for triage", Stage.WITH_PSO),
            new Choice("escalate-dsl", "Escalate to the DSL", Stage.WITH_DSL),
            new Choice("no-further-action", "No further action", Stage.CLOSED));

    static final List<Choice> FEEDBACK = List.of(
            new Choice("support-in-school", "Support in school with a plan", Stage.SUPPORT_PLAN),
            new Choice("back-to-dsl", "Back to the DSL to decide again", Stage.WITH_DSL),
            new Choice("closed", "The agency holds it: close in school", Stage.CLOSED));

    static final List<Choice> REVIEW = List.of(
            new Choice("continue", "Continue the plan", Stage.SUPPORT_PLAN),
            new Choice("step-up-dsl", "Step up to the DSL", Stage.WITH_DSL),
            new Choice("step-up-senco", "Step up to the SENCO", Stage.WITH_SENCO),
            new Choice("step-up-external", "Step up to an external agency", Stage.EXTERNAL),
            new Choice("close", "Close the plan", Stage.CLOSED));

    @Bean
    TaskForm dslReviewForm(ReferralService referrals, CaseStore caseStore, HandoverTable handover) {
        return new DecisionForm("referral/dsl-review", "DSL review", ReferralProcess.STEP_DSL_REVIEW, ReferralProcess.DSL_DECISION,
                Confidentiality.SAFEGUARDING, DSL, referrals, caseStore, handover);
    }

    @Bean
    TaskForm psoTriageForm(ReferralService referrals, CaseStore caseStore, HandoverTable handover, LocalServices directory) {
        return new TriageForm(TRIAGE, referrals, caseStore, handover, directory);
    }

    @Bean
    TaskForm sencoReviewForm(ReferralService referrals, CaseStore caseStore, HandoverTable handover) {
        return new DecisionForm("referral/senco-review", "SENCO review", ReferralProcess.STEP_SENCO_REVIEW,
                ReferralProcess.SENCO_DECISION, Confidentiality.SEND, SENCO, referrals, caseStore, handover);
    }

    @Bean
    TaskForm agencyFeedbackForm(ReferralService referrals, CaseStore caseStore, HandoverTable handover) {
        return new AgencyFeedbackForm(FEEDBACK, referrals, caseStore, handover);
    }

    @Bean
    TaskForm planReviewForm(ReferralService referrals, CaseStore caseStore, SupportPlans plans, HandoverTable handover) {
        return new PlanReviewForm(REVIEW, referrals, caseStore, plans, handover);
    }
}
