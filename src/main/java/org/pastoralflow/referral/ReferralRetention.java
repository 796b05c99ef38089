package org.pastoralflow.referral;

import java.util.List;

import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.supportplan.SupportPlanRepository;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Referrals (the concern as raised, the child's words) and their external referrals. A
 * referral's confidentiality is that of the group that holds it, as for its chronology entries.
 */
@Component
@Order(20)
class ReferralRetention implements RetainedRecords {

    private final ReferralRepository referrals;
    private final ExternalReferralRepository externalReferrals;
    private final SupportPlanRepository plans;

    ReferralRetention(ReferralRepository referrals, ExternalReferralRepository externalReferrals, SupportPlanRepository plans) {
        this.referrals = referrals;
        this.externalReferrals = externalReferrals;
        this.plans = plans;
    }

    @Override
    public String describe() {
        return "referrals (with their external referrals)";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        List<Referral> gone = referrals.findByStudentIdOrderByRaisedAtDesc(studentId).stream()
                .filter(r -> Confidentiality.forGroup(r.getRoute() == null ? "pso" : r.getRoute()) == confidentiality).toList();
        if (gone.isEmpty()) {
            return 0;
        }
        List<Long> ids = gone.stream().map(Referral::getId).toList();
        externalReferrals.deleteByReferralIds(ids);
        plans.detachFromReferrals(ids);
        referrals.deleteAllInBatch(gone);
        return gone.size();
    }
}
