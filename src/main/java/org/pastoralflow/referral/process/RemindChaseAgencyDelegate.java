package org.pastoralflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.referral.ReferralProcess;
import org.pastoralflow.referral.ReferralService;
import org.springframework.stereotype.Component;

/** "Remind to chase the agency". */
@Component("remindChaseAgency")
public class RemindChaseAgencyDelegate implements JavaDelegate {

    private final ReferralService referrals;

    public RemindChaseAgencyDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        referrals.remindChase((Long) execution.getVariable(ReferralProcess.REFERRAL_ID),
                (String) execution.getVariable(ReferralProcess.OWNER_GROUP));
    }
}
