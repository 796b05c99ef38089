package org.pastoralflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.referral.ReferralProcess;
import org.pastoralflow.referral.ReferralService;
import org.springframework.stereotype.Component;

/** "Alert the DSLs now". */
@Component("alertDsl")
public class AlertDslDelegate implements JavaDelegate {

    private final ReferralService referrals;

    public AlertDslDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        referrals.alertDsls((Long) execution.getVariable(ReferralProcess.REFERRAL_ID));
    }
}
