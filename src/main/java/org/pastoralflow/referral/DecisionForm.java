package org.pastoralflow.referral;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;

/**
 * A review that ends in a decision with a written rationale (DSL review, PSO triage, SENCO
 * review). Every decision needs its rationale: KCSIE 2025 asks for a written record of
 * concerns, discussions, decisions and the reasons for them.
 */
class DecisionForm implements TaskForm {

    private final String key;
    private final String title;
    private final String variable;
    private final Confidentiality confidentiality;
    private final List<Choice> choices;
    protected final ReferralService referrals;
    protected final CaseStore caseStore;

    DecisionForm(String key, String title, String variable, Confidentiality confidentiality, List<Choice> choices,
                 ReferralService referrals, CaseStore caseStore) {
        this.key = key;
        this.title = title;
        this.variable = variable;
        this.confidentiality = confidentiality;
        this.choices = choices;
        this.referrals = referrals;
        this.caseStore = caseStore;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String view() {
        return "referral/decision";
    }

    @Override
    public Map<String, Object> model(TaskView task, Viewer viewer) {
        Referral r = referralOf(task);
        Map<String, Object> model = referrals.caseModel(r, viewer, "task " + key);
        model.put("decisionTitle", title);
        model.put("options", Choice.options(choices));
        model.put("handoverFor", handoverChoices(r).stream().map(Choice::label).toList());
        return model;
    }

    @Override
    public Map<String, Object> complete(TaskView task, FormData data, Viewer viewer) {
        Referral r = referralOf(task);
        String code = data.oneOf("decision", "Decision", Choice.options(choices).keySet());
        String rationale = data.text("rationale", "Rationale", 20000, true);
        Choice chosen = code == null ? null : Choice.of(choices, code);
        String handover = chosen != null && handoverChoices(r).contains(chosen)
                ? data.text("handover", "Handover note", 5000, true) : null;
        validateMore(r, code, data);
        data.throwIfInvalid();
        Choice choice = chosen;
        referrals.recordDecision(r, title + ": " + choice.label(), rationale, confidentialityOf(r), choice.next(), viewer);
        // what belongs to this decision is written at the confidentiality of whoever made it,
        // before the referral is handed on (agency feedback to the DSL stays safeguarding even
        // when the next step is pastoral support)
        afterDecision(r, code, data, viewer);
        Map<String, Object> variables = new HashMap<>();
        variables.put(variable, code);
        if (handover != null) {
            referrals.recordHandover(r, handover, choice.handTo(), viewer);
        }
        if (choice.handTo() != null) {
            referrals.handTo(r, choice.handTo());
            variables.put(ReferralProcess.OWNER_GROUP, choice.handTo());
        }
        return variables;
    }

    /** Confidentiality of the decision entry: fixed for a group's review, or whoever holds the referral. */
    protected Confidentiality confidentialityOf(Referral r) {
        return confidentiality != null ? confidentiality : referrals.confidentialityNow(r);
    }

    /**
     * Decisions that hand the referral to a group that may not read what this decision is recorded
     * at: they need a handover note, which is all that group will see of what came before.
     */
    private List<Choice> handoverChoices(Referral r) {
        Confidentiality here = confidentialityOf(r);
        return choices.stream().filter(c -> c.handTo() != null && !AccessPolicy.groupReads(c.handTo(), here)).toList();
    }

    protected void validateMore(Referral r, String code, FormData data) {
    }

    protected void afterDecision(Referral r, String code, FormData data, Viewer viewer) {
    }

    protected Referral referralOf(TaskView task) {
        return referrals.byReference(task.businessKey())
                .orElseThrow(() -> new IllegalStateException("Task " + task.id() + " has no referral " + task.businessKey()));
    }
}
