package org.pastoralflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.pastoralflow.referral.ReferralProcess;
import org.pastoralflow.referral.ReferralService;
import org.springframework.stereotype.Component;

/**
 * "Check whether a DSL has it": the answer is for the gateway right after, so it is transient and
 * never stored.
 */
@Component("checkReviewClaimed")
public class CheckReviewClaimedDelegate implements JavaDelegate {

    private final ReferralService referrals;

    public CheckReviewClaimedDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ReferralProcess.REVIEW_UNCLAIMED,
                Variables.booleanValue(referrals.dslReviewUnclaimed(execution.getProcessInstanceId()), true));
    }
}
