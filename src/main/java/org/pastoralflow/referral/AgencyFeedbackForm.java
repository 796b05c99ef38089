package org.pastoralflow.referral;

import java.time.LocalDate;
import java.util.List;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;

/** "Record agency feedback": what the agency said, when, and what the school does next. */
class AgencyFeedbackForm extends DecisionForm {

    AgencyFeedbackForm(List<Choice> choices, ReferralService referrals, CaseStore caseStore, HandoverTable handover) {
        super("referral/agency-feedback", "Agency feedback", ReferralProcess.STEP_AGENCY_FEEDBACK, ReferralProcess.FEEDBACK_OUTCOME,
                null, choices, referrals, caseStore, handover);
    }

    @Override
    public String view() {
        return "referral/agency-feedback";
    }

    @Override
    protected void validateMore(Referral r, String code, FormData data) {
        LocalDate on = data.date("feedbackOn", "Date of the feedback", true);
        data.text("feedback", "What the agency said", 20000, true);
        if (on != null && on.isAfter(referrals.today())) {
            data.reject("feedbackOn", "Date of the feedback cannot be in the future.");
        }
    }

    @Override
    protected void afterDecision(Referral r, String code, FormData data, Viewer viewer) {
        referrals.recordAgencyFeedback(r, FormData.day(data.optional("feedbackOn")), data.optional("feedback"), code,
                confidentialityOf(r), viewer);
    }
}
