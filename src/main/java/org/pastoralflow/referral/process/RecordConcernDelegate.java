package org.pastoralflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.referral.ReferralProcess;
import org.pastoralflow.referral.ReferralService;
import org.springframework.stereotype.Component;

/** "Add concern to case file". */
@Component("recordConcern")
public class RecordConcernDelegate implements JavaDelegate {

    private final ReferralService referrals;

    public RecordConcernDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        referrals.addConcernToCaseFile((Long) execution.getVariable(ReferralProcess.REFERRAL_ID),
                (String) execution.getVariable(ReferralProcess.ROUTE));
    }
}
