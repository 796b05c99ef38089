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
                        .table("referrals", "Concerns and referrals", "referral", r -> stored(r.get("confidentiality"))),
                rows.query("select e.* from external_referral e join referral r on r.id = e.referral_id "
                                + "where r.student_id = ? order by e.referred_on, e.id", studentId)
                        .table("external-referrals", "Referrals to outside agencies", "external-referral",
                                r -> stored(r.get("confidentiality"))));
    }

    /** Each record's own confidentiality, as the access policy reads it (V15). */
    private static Confidentiality stored(String level) {
        return Confidentiality.valueOf(level);
    }
}
