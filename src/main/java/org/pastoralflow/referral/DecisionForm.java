package org.pastoralflow.referral;

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
    private final String step;
    private final String variable;
    private final Confidentiality confidentiality;
    private final List<Choice> choices;
    protected final ReferralService referrals;
    protected final CaseStore caseStore;
    private final HandoverTable handover;

    DecisionForm(String key, String title, String step, String variable, Confidentiality confidentiality, List<Choice> choices,
                 ReferralService referrals, CaseStore caseStore, HandoverTable handover) {
        this.key = key;
        this.title = title;
        this.step = step;
        this.variable = variable;
        this.confidentiality = confidentiality;
        this.choices = choices;
        this.referrals = referrals;
        this.caseStore = caseStore;
        this.handover = handover;
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
        String nextHolder = code == null ? null : handover.nextHolder(step, code, r);
        String note = needsHandoverNote(nextHolder, r) ? data.text("handover", "Handover note", 5000, true) : null;
        validateMore(r, code, data);
        data.throwIfInvalid();
        Choice choice = Choice.of(choices, code);
        referrals.recordDecision(r, title + ": " + choice.label(), rationale, confidentialityOf(r), choice.next(), viewer);
        // what belongs to this decision is written at the confidentiality of whoever made it,
        // before the referral is handed on (agency feedback to the DSL stays safeguarding even
        // when the next step is pastoral support)
        afterDecision(r, code, data, viewer);
        if (note != null) {
            referrals.recordHandover(r, note, nextHolder, viewer);
        }
        // the model hands the referral on, in this transaction, from the same table ("Decide who holds it next")
        return Map.of(variable, code);
    }

    /** Confidentiality of the decision entry: fixed for a group's review, or whoever holds the referral. */
    protected Confidentiality confidentialityOf(Referral r) {
        return confidentiality != null ? confidentiality : referrals.confidentialityNow(r);
    }

    /** The decisions the hand-over table gives to a group that needs a handover note. */
    private List<Choice> handoverChoices(Referral r) {
        return choices.stream().filter(c -> needsHandoverNote(handover.nextHolder(step, c.code(), r), r)).toList();
    }

    /**
     * A decision that hands the referral to a group that may not read what this decision is recorded
     * at needs a handover note, which is all that group will see of what came before.
     */
    private boolean needsHandoverNote(String nextHolder, Referral r) {
        return nextHolder != null && !AccessPolicy.groupReads(nextHolder, confidentialityOf(r));
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
