package org.pastoralflow.student;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The student's details from the MIS. The child protection plan flag is shown to the DSL group
 * only (the student page), so it is a record of its own, present whether it is set or not: its
 * absence from a filtered export must say nothing.
 */
@Component
@Order(0)
class StudentSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    StudentSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Student details";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        StoredRows.Rows student = rows.query("select * from student where id = ?", studentId);
        return List.of(
                student.without("cp_plan").table("student", "Student details from the MIS", "student", r -> Confidentiality.PASTORAL),
                rows.query("select id, cp_plan from student where id = ?", studentId)
                        .table("child-protection-plan", "Child protection plan (from the MIS or the transition)", "student-cp-plan",
                                r -> Confidentiality.SAFEGUARDING));
    }
}
