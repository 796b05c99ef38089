package org.pastoralflow.investigation;

import org.pastoralflow.forms.Coded;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.TaskView;
import org.springframework.stereotype.Component;

/**
 * "Record the outcome": refused while any item of the checklist is open. A sanction for each
 * alleged perpetrator, only when upheld; a suspension within the yearly limit; mediation between
 * the students who are not witnesses; support for the targets.
 */
@Component
class OutcomeForm extends IncidentForm {

    static final String OUTCOME = "outcome";
    static final String RATIONALE = "rationale";
    static final String SANCTION = "sanction-";
    static final String DAYS = "days-";
    static final String MEDIATION = "mediation";
    static final String SUPPORT = "targetSupport";
    static final String CHECKLIST = "checklist";
    static final Map<String, String> YES_NO = FormField.options("yes", "Yes", "no", "No");

    OutcomeForm(Investigations investigations, InvestigationRecording recording) {
        super("investigation/outcome", "Record the outcome", investigations, recording);
    }

    @Override
    List<FormField> fields(Incident i, TaskView task) {
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.choice(OUTCOME, "Outcome", InvestigationRecording.OUTCOMES)
                .withHint("On the balance of probabilities, under the behaviour policy."));
        fields.add(FormField.longText(RATIONALE, "Why: what the evidence shows"));
        Map<Long, Student> names = investigations.studentsById(investigations.studentsOf(i.getId()));
        for (IncidentStudent s : perpetrators(i)) {
            String name = names.get(s.getStudentId()).displayName();
            fields.add(FormField.select(SANCTION + s.getStudentId(), "Sanction for " + name, Coded.options(Sanction.class)));
            fields.add(FormField.number(DAYS + s.getStudentId(), "School days of suspension for " + name).optional()
                    .withHint("Only for a suspension. Already suspended this school year: "
                            + investigations.suspensionDaysThisYear(s.getStudentId(), i.getId()) + " of "
                            + investigations.suspensionLimit() + " school days."));
        }
        fields.add(FormField.choice(MEDIATION, "Offer restorative mediation?", YES_NO)
                .withHint("Between the targets and the alleged perpetrators; a PSO checks it is suitable first."));
        if (investigations.studentsIn(i).stream().anyMatch(s -> s.part() == Part.TARGET)) {
            fields.add(FormField.choice(SUPPORT, "Refer the target for support?", YES_NO)
                    .withHint("Starts a referral for each target: PSO triage, or the DSL for a safeguarding incident."));
        }
        return fields;
    }

    private List<IncidentStudent> perpetrators(Incident i) {
        return investigations.studentsIn(i).stream().filter(s -> s.part() == Part.ALLEGED_PERPETRATOR).toList();
    }

    @Override
    void extra(Incident i, TaskView task, Map<String, Object> model) {
        model.put("openItems", investigations.openBeforeOutcome(i));
    }

    @Override
    Map<String, Object> write(Incident i, TaskView task, Map<String, String> v, FormData data, Viewer viewer) {
        List<String> open = investigations.openBeforeOutcome(i);
        if (!open.isEmpty()) {
            data.reject(CHECKLIST, (open.size() == 1 ? "1 item of the checklist is" : open.size() + " items of the checklist are")
                    + " still open: " + String.join("; ", open) + ". Complete each, or mark it not applicable with a reason, "
                    + "before recording the outcome.");
        }
        boolean upheld = Incident.UPHELD.equals(v.get(OUTCOME));
        Map<Long, Student> names = investigations.studentsById(investigations.studentsOf(i.getId()));
        List<InvestigationRecording.SanctionInput> sanctions = new ArrayList<>();
        boolean needsApproval = false;
        for (IncidentStudent s : perpetrators(i)) {
            String name = names.get(s.getStudentId()).displayName();
            String code = v.get(SANCTION + s.getStudentId());
            String daysRaw = v.get(DAYS + s.getStudentId());
            if (code == null) {
                continue;
            }
            Sanction sanction = Coded.of(Sanction.class, code);
            if (sanction != Sanction.NONE && v.get(OUTCOME) != null && !upheld) {
                data.reject(SANCTION + s.getStudentId(), name + ": a sanction needs the outcome to be upheld.");
            }
            Integer days = daysRaw == null ? null : Integer.valueOf(daysRaw);
            if (sanction == Sanction.SUSPENSION) {
                checkSuspension(i, s, name, days, data);
            } else if (days != null) {
                data.reject(DAYS + s.getStudentId(), name + ": only a suspension has a number of school days.");
            }
            needsApproval |= sanction.needsHeadApproval();
            sanctions.add(new InvestigationRecording.SanctionInput(s.getStudentId(), sanction, days));
        }
        boolean mediation = "yes".equals(v.get(MEDIATION));
        if (mediation && i.isSafeguarding()) {
            data.reject(MEDIATION, "Mediation is not offered after harmful sexual behaviour or a safeguarding concern: "
                    + "the DSL decides what support each student needs.");
        } else if (mediation && investigations.studentsIn(i).stream().filter(s -> s.part() != Part.WITNESS).count() < 2) {
            data.reject(MEDIATION, "Mediation needs at least two students who are not witnesses.");
        }
        boolean support = "yes".equals(v.get(SUPPORT));
        data.throwIfInvalid();
        recording.recordOutcome(i, v.get(OUTCOME), v.get(RATIONALE), sanctions, mediation, support, viewer);
        Map<String, Object> vars = new HashMap<>();
        vars.put(InvestigationProcess.NEEDS_HEAD_APPROVAL, needsApproval);
        vars.put(InvestigationProcess.OFFER_MEDIATION, mediation);
        vars.put(InvestigationProcess.SUPPORT_TARGET, support);
        return vars;
    }

    /** DfE (2024): no more than 45 school days of suspension in a school year. */
    private void checkSuspension(Incident i, IncidentStudent s, String name, Integer days, FormData data) {
        String field = DAYS + s.getStudentId();
        int limit = investigations.suspensionLimit();
        if (days == null) {
            data.reject(field, name + ": how many school days of suspension?");
            return;
        }
        if (days < 1) {
            data.reject(field, name + ": a suspension is at least 1 school day.");
            return;
        }
        long already = investigations.suspensionDaysThisYear(s.getStudentId(), i.getId());
        if (already + days > limit) {
            data.reject(field, name + " has already been suspended for " + already + " school days this school year; "
                    + days + " more would make " + (already + days) + ", over the limit of " + limit + ".");
        }
    }
}
