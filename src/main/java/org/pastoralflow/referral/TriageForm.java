package org.pastoralflow.referral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.services.LocalService;
import org.pastoralflow.services.LocalServices;
import org.pastoralflow.workflow.TaskView;

/**
 * PSO triage: a decision like the others, and when it is "signpost", the service of the directory the
 * family is pointed to, recorded on the referral and in the chronology with the service's details (the
 * letter to the family merges them from the referral's service).
 */
class TriageForm extends DecisionForm {

    static final String SIGNPOST = "signpost";

    private final LocalServices directory;

    TriageForm(List<Choice> choices, ReferralService referrals, CaseStore caseStore, HandoverTable handover, LocalServices directory) {
        super("referral/pso-triage", "PSO triage", ReferralProcess.STEP_PSO_TRIAGE, ReferralProcess.TRIAGE_DECISION,
                Confidentiality.PASTORAL, choices, referrals, caseStore, handover);
        this.directory = directory;
    }

    @Override
    public Map<String, Object> model(TaskView task, Viewer viewer) {
        Map<String, Object> model = super.model(task, viewer);
        Map<String, String> services = new LinkedHashMap<>();
        directory.offered().forEach(s -> services.put(String.valueOf(s.getId()), s.getName() + " (ages " + s.ages() + ")"));
        model.put("signpostServices", services);
        return model;
    }

    @Override
    protected void validateMore(Referral r, String code, FormData data) {
        String chosen = data.optional("service");
        if (!SIGNPOST.equals(code)) {
            return;
        }
        if (chosen == null) {
            if (!directory.offered().isEmpty()) {
                data.reject("service", "Signposting: choose the service the family is pointed to.");
            }
            return;
        }
        if (serviceOf(chosen) == null) {
            data.reject("service", "Service must be one of the directory's services.");
        }
    }

    @Override
    protected void afterDecision(Referral r, String code, FormData data, Viewer viewer) {
        LocalService service = SIGNPOST.equals(code) ? serviceOf(data.optional("service")) : null;
        if (service == null) {
            return;
        }
        r.signpostedTo(service.getId());
        caseStore.record(NewEntry.now(r.getStudentId(), EntryKind.DECISION, Confidentiality.PASTORAL, viewer.userId(),
                "Signposted to " + service.getName() + " (" + r.getReference() + ")", service.forLetter(),
                ReferralProcess.SOURCE_TYPE, r.getId()));
    }

    private LocalService serviceOf(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            return null;
        }
        return directory.find(Long.valueOf(id)).filter(LocalService::isActive).orElse(null);
    }
}
