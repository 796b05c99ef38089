package org.pastoralflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.referral.ReferralProcess;
import org.pastoralflow.referral.ReferralService;
import org.springframework.stereotype.Component;

/** "Hand the referral on": after each "Decide who holds it next". */
@Component("handReferralOn")
public class HandReferralOnDelegate implements JavaDelegate {

    private final ReferralService referrals;

    public HandReferralOnDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        referrals.handOn((Long) execution.getVariable(ReferralProcess.REFERRAL_ID),
                (String) execution.getVariable(ReferralProcess.OWNER_GROUP));
    }
}
