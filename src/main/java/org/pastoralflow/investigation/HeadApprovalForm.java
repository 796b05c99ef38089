package org.pastoralflow.investigation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.TaskView;
import org.springframework.stereotype.Component;

/**
 * "Headteacher approval" of a suspension or permanent exclusion. The page shows each student's
 * suspensions this school year against the limit; approving one that would pass it is refused.
 */
@Component
class HeadApprovalForm extends IncidentForm {

    static final String DECISION = "decision";
    static final String NOTES = "notes";

    /** One proposed sanction as the Headteacher sees it. */
    public record Proposal(String student, String sanction, Integer days, long alreadyThisYear, long total, int limit) {
        public boolean overLimit() {
            return total > limit;
        }
    }

    HeadApprovalForm(Investigations investigations, InvestigationRecording recording) {
        super("investigation/head-approval", "Headteacher approval", investigations, recording);
    }

    @Override
    List<FormField> fields(Incident i, TaskView task) {
        return List.of(
                FormField.choice(DECISION, "Decision", FormField.options("approve", "Approve",
                        "not-approved", "Do not approve: the investigator records the outcome again")),
                FormField.longText(NOTES, "Notes (required if you do not approve)").optional());
    }

    List<Proposal> proposals(Incident i) {
        Map<Long, Student> names = investigations.studentsById(investigations.studentsOf(i.getId()));
        List<Proposal> list = new ArrayList<>();
        for (IncidentStudent s : investigations.studentsIn(i)) {
            if (!IncidentStudent.PROPOSED.equals(s.getSanctionStatus())) {
                continue;
            }
            long already = investigations.suspensionDaysThisYear(s.getStudentId(), i.getId());
            int days = s.getSuspensionDays() == null ? 0 : s.getSuspensionDays();
            list.add(new Proposal(names.get(s.getStudentId()).displayName(), s.getSanctionLabel(), s.getSuspensionDays(),
                    already, already + days, investigations.suspensionLimit()));
        }
        return list;
    }

    @Override
    String intro(Incident i, TaskView task) {
        return "The investigator proposes a sanction that only the Headteacher can decide.";
    }

    @Override
    void extra(Incident i, TaskView task, Map<String, Object> model) {
        model.put("proposals", proposals(i));
    }

    @Override
    Map<String, Object> write(Incident i, TaskView task, Map<String, String> v, FormData data, Viewer viewer) {
        boolean approve = "approve".equals(v.get(DECISION));
        requireWhen("not-approved".equals(v.get(DECISION)), v, data, NOTES, "Say why, so the investigator can record the outcome again.");
        if (approve && proposals(i).stream().anyMatch(Proposal::overLimit)) {
            data.reject(DECISION, "A suspension here would take a student over " + investigations.suspensionLimit()
                    + " school days this school year: it cannot be approved.");
        }
        data.throwIfInvalid();
        recording.recordHeadDecision(i, approve, v.get(NOTES), viewer);
        return Map.of(InvestigationProcess.HEAD_APPROVED, approve);
    }
}
