package org.pastoralflow.referral;

import java.util.HashMap;
import java.util.Map;

import org.pastoralflow.workflow.DecisionTables;
import org.springframework.stereotype.Component;

/**
 * referral-handover.dmn as the decision forms ask it: the same table the model's "Decide who holds it
 * next" tasks evaluate, so that the form knows, before the decision is made, who will hold the
 * referral after it. A school that edits the table changes both.
 */
@Component
class HandoverTable {

    private final DecisionTables tables;

    HandoverTable(DecisionTables tables) {
        this.tables = tables;
    }

    /** The group that holds the referral after this decision at this step, or null when the decision closes it. */
    String nextHolder(String step, String decision, Referral r) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(ReferralProcess.STEP, step);
        inputs.put(ReferralProcess.DECISION, decision);
        // rows that keep the referral where it is answer with the holder now (a plan that goes on)
        inputs.put(ReferralProcess.OWNER_GROUP, r.getRoute());
        return tables.answer(ReferralProcess.HANDOVER_DECISION, inputs);
    }
}
