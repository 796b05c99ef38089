package org.pastoralflow.transition;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The student's Year 6 to Year 7 transition: found by their student record once they joined, or by
 * their UPN before (the allocation list comes before the MIS). The child protection plan and the
 * expected CP file are for the DSL group only (the cohort board's CP column), so they are a record
 * of their own, as is the CP file milestone; notes keep their own confidentiality; a concern is
 * read as the referral it became is held.
 */
@Component
@Order(80)
class TransitionSubjectAccess implements SubjectAccessPart {

    static final String MINE = "(t.student_id = ? or t.upn = (select upn from student where id = ?))";

    private final StoredRows rows;

    TransitionSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Transition from primary school";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        StoredRows.Rows transitions = rows.query("select t.* from transition t where " + MINE + " order by t.entry_year, t.id",
                studentId, studentId);
        return List.of(
                transitions.without("cp_plan", "cp_file_expected")
                        .table("transitions", "Transition records", "transition", r -> Confidentiality.PASTORAL),
                rows.query("select t.id, t.reference, t.cp_plan, t.cp_file_expected from transition t where " + MINE
                                + " order by t.entry_year, t.id", studentId, studentId)
                        .table("transition-child-protection", "Child protection at transition", "transition-cp", r -> Confidentiality.SAFEGUARDING),
                rows.query("select m.* from transition_milestone m join transition t on t.id = m.transition_id where " + MINE
                                + " order by m.transition_id, m.id", studentId, studentId)
                        .table("transition-milestones", "Transition milestones", "transition-milestone",
                                r -> Milestone.byCode(r.get("milestone")).map(Milestone::safeguarding).orElse(false)
                                        ? Confidentiality.SAFEGUARDING : Confidentiality.PASTORAL),
                rows.query("select n.* from transition_note n join transition t on t.id = n.transition_id where " + MINE
                                + " order by n.occurred_at, n.id", studentId, studentId)
                        .table("transition-notes", "What was recorded during transition", "transition-note",
                                r -> Confidentiality.valueOf(r.get("confidentiality"))),
                rows.query("select c.*, r.route as referral_route from transition_concern c join transition t on t.id = c.transition_id "
                                + "left join referral r on r.reference = c.referral_reference where " + MINE
                                + " order by c.raised_at, c.id", studentId, studentId)
                        .table("transition-concerns", "Concerns raised during transition", "transition-concern", TransitionSubjectAccess::concern));
    }

    /** As the referral it became is held; before routing, a safeguarding concern is the DSL's. */
    private static Confidentiality concern(java.util.Map<String, String> r) {
        String route = r.get("referral_route");
        if (route != null && !route.isEmpty()) {
            return Confidentiality.forGroup(route);
        }
        return "safeguarding".equals(r.get("category")) ? Confidentiality.SAFEGUARDING : Confidentiality.PASTORAL;
    }
}
