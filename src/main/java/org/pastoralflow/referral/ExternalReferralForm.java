package org.pastoralflow.referral;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;
import org.springframework.stereotype.Component;

/** "Record external referral": the agency, the date and the agency's reference. */
@Component
class ExternalReferralForm implements TaskForm {

    private final ReferralService referrals;
    private final CaseStore caseStore;

    ExternalReferralForm(ReferralService referrals, CaseStore caseStore) {
        this.referrals = referrals;
        this.caseStore = caseStore;
    }

    @Override
    public String key() {
        return "referral/external-referral";
    }

    @Override
    public String view() {
        return "referral/external-referral";
    }

    @Override
    public Map<String, Object> model(TaskView task, Viewer viewer) {
        Referral r = referral(task);
        Map<String, Object> model = referrals.caseModel(r, viewer, "task " + key());
        model.put("agencies", Agencies.OPTIONS);
        return model;
    }

    @Override
    public Map<String, Object> complete(TaskView task, FormData data, Viewer viewer) {
        Referral r = referral(task);
        String agency = data.oneOf("agency", "Agency", Agencies.OPTIONS.keySet());
        LocalDate on = data.date("referredOn", "Date of the referral", true);
        String reference = data.text("agencyReference", "The agency's reference", 100, true);
        String notes = data.text("notes", "Notes", 20000, false);
        if (on != null && on.isAfter(referrals.today())) {
            data.reject("referredOn", "Date of the referral cannot be in the future.");
        }
        data.throwIfInvalid();
        referrals.recordExternalReferral(r, agency, on, reference, notes, referrals.confidentialityNow(r), viewer);
        return Map.of();
    }

    private Referral referral(TaskView task) {
        return referrals.byReference(task.businessKey()).orElseThrow();
    }
}
