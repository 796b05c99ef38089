package org.pastoralflow.supportplan;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.forms.FormData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Support plans and their sessions, shared by every workflow that supports a student. */
@Service
public class SupportPlans {

    public static final String SOURCE_TYPE = "support-plan";

    private final SupportPlanRepository plans;
    private final PlanSessionRepository sessions;
    private final CaseStore caseStore;
    private final Clock clock;
    private final AccessPolicy policy;

    public SupportPlans(SupportPlanRepository plans, PlanSessionRepository sessions, CaseStore caseStore,
                        Clock clock, AccessPolicy policy) {
        this.clock = clock;
        this.policy = policy;
        this.plans = plans;
        this.sessions = sessions;
        this.caseStore = caseStore;
    }

    /** Reads a plan from a form; the caller throws if the form has errors, before {@link #start}. */
    public static SupportPlanInput read(FormData data) {
        String goals = data.text("goals", "Goals", 5000, true);
        List<String> interventions = data.optional("interventions") == null ? List.of()
                : List.of(data.optional("interventions").split(","));
        if (interventions.isEmpty()) {
            data.reject("interventions", "Choose at least one intervention.");
        } else if (!Interventions.OPTIONS.keySet().containsAll(interventions)) {
            data.reject("interventions", "Unknown intervention; choose from the list.");
        }
        String measure = data.text("measureName", "Measure", 120, true);
        Integer baseline = data.integer("baselineScore", "Baseline score", 0, 100, true);
        boolean informed = data.flag("parentInformed");
        String how = informed
                ? data.text("parentInformedHow", "How the parent or carer was informed", 300, true)
                : data.text("parentNotInformedReason", "Why the parent or carer has not been informed", 300, true);
        return new SupportPlanInput(goals, interventions, measure, baseline == null ? 0 : baseline, informed,
                informed ? how : "Not informed: " + how);
    }

    public record SupportPlanInput(String goals, List<String> interventions, String measureName, int baselineScore,
                                   boolean parentInformed, String parentInformedHow) {
    }

    @Transactional
    public SupportPlan start(Long studentId, Long referralId, String ownerGroup, SupportPlanInput in, Viewer viewer) {
        SupportPlan plan = plans.save(new SupportPlan(studentId, referralId, ownerGroup, in.goals(), in.interventions(),
                in.measureName(), in.baselineScore(), in.parentInformed(), in.parentInformedHow(), viewer.userId(),
                clock.instant(), LocalDate.now(clock)));
        caseStore.record(NewEntry.now(studentId, EntryKind.SUPPORT_PLAN, plan.getConfidentiality(), viewer.userId(),
                "Support plan started: " + String.join(", ", plan.interventionLabels()),
                "Goals: " + in.goals() + "\nBaseline " + in.measureName() + ": " + in.baselineScore()
                        + "\nParent/carer: " + in.parentInformedHow(), SOURCE_TYPE, plan.getId()));
        return plan;
    }

    @Transactional
    public void close(SupportPlan plan, int endScore, Viewer viewer) {
        plan.close(endScore, LocalDate.now(clock));
        caseStore.record(NewEntry.now(plan.getStudentId(), EntryKind.REVIEW, plan.getConfidentiality(), viewer.userId(),
                "Support plan closed: " + plan.getMeasureName() + " " + plan.getBaselineScore() + " → " + endScore,
                "Change against baseline: " + (endScore - plan.getBaselineScore()), SOURCE_TYPE, plan.getId()));
    }

    public Optional<SupportPlan> openPlanOf(Long referralId) {
        return plans.findFirstByReferralIdAndClosedOnIsNullOrderByCreatedAtDesc(referralId);
    }

    /** The plan as the access policy sees it; its sessions are part of it. */
    public static Classification classify(SupportPlan p) {
        return Classification.of(SOURCE_TYPE, p.getId(), p.getConfidentiality(), p.getStudentId());
    }

    public List<SupportPlan> plansOf(Long studentId, Viewer viewer) {
        return policy.readable(viewer, plans.findByStudentIdOrderByCreatedAtDesc(studentId), SupportPlans::classify);
    }

    /** The plan, if the viewer may read it (its confidentiality, a share, its student's year groups); otherwise empty. */
    public Optional<SupportPlan> plan(Long id, Viewer viewer) {
        return plans.findById(id).filter(p -> policy.mayRead(viewer, classify(p)));
    }

    public List<PlanSession> sessionsOf(Long planId) {
        return sessions.findByPlanIdOrderByHeldOnDesc(planId);
    }

    @Transactional
    public PlanSession logSession(Long planId, FormData data, Viewer viewer) {
        SupportPlan plan = plan(planId, viewer).orElseThrow(() -> new NotFoundException("No such plan"));
        LocalDate heldOn = data.date("heldOn", "Date of the session", true);
        String intervention = data.oneOf("intervention", "Intervention", Interventions.OPTIONS.keySet());
        String notes = data.text("notes", "Notes", 5000, true);
        if (heldOn != null && heldOn.isAfter(LocalDate.now(clock))) {
            data.reject("heldOn", "Date of the session cannot be in the future.");
        }
        if (!plan.isOpen()) {
            data.reject("heldOn", "This plan is closed; sessions can no longer be logged against it.");
        }
        data.throwIfInvalid();
        PlanSession session = sessions.save(new PlanSession(planId, heldOn, intervention, notes, viewer.userId(), clock.instant()));
        caseStore.record(new NewEntry(plan.getStudentId(), EntryKind.SESSION, plan.getConfidentiality(),
                heldOn.atStartOfDay(clock.getZone()).toInstant(), viewer.userId(),
                "Session: " + Interventions.label(intervention), notes, SOURCE_TYPE, planId));
        return session;
    }

}
