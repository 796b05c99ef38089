package org.pastoralflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.referral.ReferralProcess;
import org.pastoralflow.referral.ReferralService;
import org.springframework.stereotype.Component;

/** "Escalate to other DSLs and Head": only reached when the review is still unclaimed. */
@Component("escalateUntouchedReview")
public class EscalateUntouchedReviewDelegate implements JavaDelegate {

    private final ReferralService referrals;

    public EscalateUntouchedReviewDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        referrals.escalateUntouchedReview((Long) execution.getVariable(ReferralProcess.REFERRAL_ID),
                execution.getProcessInstanceId());
    }
}
