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
import org.pastoralflow.measure.Measures;
import org.pastoralflow.measure.Scale;
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
    private final Measures measures;

    public SupportPlans(SupportPlanRepository plans, PlanSessionRepository sessions, CaseStore caseStore,
                        Clock clock, AccessPolicy policy, Measures measures) {
        this.measures = measures;
        this.clock = clock;
        this.policy = policy;
        this.plans = plans;
        this.sessions = sessions;
        this.caseStore = caseStore;
    }

    /** Reads a plan from a form; the caller throws if the form has errors, before {@link #start}. */
    public SupportPlanInput read(FormData data) {
        String goals = data.text("goals", "Goals", 5000, true);
        List<String> interventions = data.optional("interventions") == null ? List.of()
                : List.of(data.optional("interventions").split(","));
        if (interventions.isEmpty()) {
            data.reject("interventions", "Choose at least one intervention.");
        } else if (!Interventions.OPTIONS.keySet().containsAll(interventions)) {
            data.reject("interventions", "Unknown intervention; choose from the list.");
        }
        String scaleCode = data.oneOf("measureScale", "Measure", measures.codes());
        String note = data.text("measureNote", "About the measure", 120, false);
        Integer baseline = scaleCode == null ? null : measures.scaleOrPlan(scaleCode).score(data, "baselineScore", "Baseline score", true);
        boolean informed = data.flag("parentInformed");
        String how = informed
                ? data.text("parentInformedHow", "How the parent or carer was informed", 300, true)
                : data.text("parentNotInformedReason", "Why the parent or carer has not been informed", 300, true);
        return new SupportPlanInput(goals, interventions, scaleCode, note, baseline == null ? 0 : baseline, informed,
                informed ? how : "Not informed: " + how);
    }

    /** {@code measureScale}: a configured scale's code; the baseline is a score on it. */
    public record SupportPlanInput(String goals, List<String> interventions, String measureScale, String measureNote, int baselineScore,
                                   boolean parentInformed, String parentInformedHow) {
    }

    /** Code → description of every configured scale, for the plan form's choice. */
    public java.util.Map<String, String> scaleOptions() {
        return measures.options();
    }

    /** The plan's scale; a scale since taken out of the settings reads on the old 0–100 plan score. */
    public Scale scaleOf(SupportPlan plan) {
        return measures.scaleOrPlan(plan.getMeasureScale());
    }

    /** An end score from a review form, checked against the plan's scale (an off-scale score is an error on the field). */
    public Integer readEndScore(SupportPlan plan, FormData data) {
        return scaleOf(plan).score(data, "endScore", "End score", true);
    }

    @Transactional
    public SupportPlan start(Long studentId, Long referralId, String ownerGroup, SupportPlanInput in, Viewer viewer) {
        Scale scale = measures.scaleOrPlan(in.measureScale());
        if (in.baselineScore() < scale.min() || in.baselineScore() > scale.max()) {
            throw new IllegalArgumentException("A baseline of " + in.baselineScore() + " is off the scale " + scale.describe());
        }
        SupportPlan plan = plans.save(new SupportPlan(studentId, referralId, ownerGroup, in.goals(), in.interventions(),
                in.measureScale(), in.measureNote(), in.baselineScore(), in.parentInformed(), in.parentInformedHow(), viewer.userId(),
                clock.instant(), LocalDate.now(clock)));
        caseStore.record(NewEntry.now(studentId, EntryKind.SUPPORT_PLAN, plan.getConfidentiality(), viewer.userId(),
                "Support plan started: " + String.join(", ", plan.interventionLabels()),
                "Goals: " + in.goals() + "\nBaseline " + measureWords(scale, in.measureNote()) + ": " + in.baselineScore()
                        + "\nParent/carer: " + in.parentInformedHow(), SOURCE_TYPE, plan.getId()));
        return plan;
    }

    @Transactional
    public void close(SupportPlan plan, int endScore, Viewer viewer) {
        Scale scale = scaleOf(plan);
        Scale.Change change = scale.change(plan.getBaselineScore(), endScore);
        plan.close(endScore, LocalDate.now(clock));
        plans.save(plan);
        caseStore.record(NewEntry.now(plan.getStudentId(), EntryKind.REVIEW, plan.getConfidentiality(), viewer.userId(),
                "Support plan closed: " + scale.name() + " " + plan.getBaselineScore() + " → " + endScore + " (" + change.word() + ")",
                "Change against baseline: " + change.signed() + " on " + scale.describe(), SOURCE_TYPE, plan.getId()));
    }

    /** The plan's change from baseline to end on its scale; null while it is open. */
    public Scale.Change changeOf(SupportPlan plan) {
        return scaleOf(plan).change(plan.getBaselineScore(), plan.getEndScore());
    }

    private static String measureWords(Scale scale, String note) {
        return note == null || note.isBlank() ? scale.name() : scale.name() + " (" + note + ")";
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
