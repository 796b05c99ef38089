package org.pastoralflow.referral;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Referrals (the concern as raised, the child's words) and their external referrals. A referral
 * is read by the group that holds it, as for its chronology entries and its retention; its
 * external referrals go with it.
 */
@Component
@Order(20)
class ReferralSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    ReferralSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Concerns and referrals";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(
                rows.query("select * from referral where student_id = ? order by raised_at, id", studentId)
                        .table("referrals", "Concerns and referrals", "referral", r -> held(r.get("route"))),
                rows.query("select e.*, r.route as referral_route from external_referral e join referral r on r.id = e.referral_id "
                                + "where r.student_id = ? order by e.referred_on, e.id", studentId)
                        .table("external-referrals", "Referrals to outside agencies", "external-referral", r -> held(r.get("referral_route"))));
    }

    /** A referral not yet routed is with the PSOs, as {@link ReferralRetention} counts it. */
    private static Confidentiality held(String route) {
        return Confidentiality.forGroup(route == null || route.isEmpty() ? "pso" : route);
    }
}
