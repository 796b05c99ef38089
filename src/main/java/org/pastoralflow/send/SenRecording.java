package org.pastoralflow.send;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.forms.Coded;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.pastoralflow.workflow.TaskInbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the SENCO writes on the register: a pupil's areas of need and one-page profile (which starts the
 * SEN support reviews of a pupil at SEN support), their EHCP (which starts its annual reviews), and
 * each SEN support review. Everything goes into the chronology as SEND.
 */
@Service
public class SenRecording {

    private final SenRegister register;
    private final SenEntryRepository entries;
    private final SupportReviewRepository supportReviews;
    private final EhcpPlanRepository plans;
    private final CaseStore caseStore;
    private final References references;
    private final Processes processes;
    private final Clock clock;

    SenRecording(SenRegister register, SenEntryRepository entries, SupportReviewRepository supportReviews, EhcpPlanRepository plans,
                 CaseStore caseStore, References references, Processes processes, Clock clock) {
        this.register = register;
        this.entries = entries;
        this.supportReviews = supportReviews;
        this.plans = plans;
        this.caseStore = caseStore;
        this.references = references;
        this.processes = processes;
        this.clock = clock;
    }

    /** Areas of need (census codes, the secondary one optional and not the primary again) and the one-page profile. */
    @Transactional
    public SenEntry describe(Long studentId, FormData data, Viewer viewer) {
        Student student = register.pupil(studentId, viewer);
        var codes = Coded.options(NeedArea.class).keySet();
        String primary = data.oneOf("primaryNeed", "Primary area of need", codes);
        String secondary = data.optional("secondaryNeed") == null ? null : data.oneOf("secondaryNeed", "Secondary area of need", codes);
        if (primary != null && primary.equals(secondary)) {
            data.reject("secondaryNeed", "The secondary area of need cannot be the primary one again; leave it empty if there is none.");
        }
        String strengths = data.text("strengths", "Strengths: what people like and admire about me", 2000, false);
        String needs = data.text("needs", "What I find difficult", 2000, false);
        String whatHelps = data.text("whatHelps", "What helps me", 2000, false);
        data.throwIfInvalid();
        SenEntry entry = entries.findByStudentId(studentId)
                .orElseGet(() -> new SenEntry(references.next("SN", "sen_register_number_seq"), studentId));
        entry.describe(primary, secondary, strengths, needs, whatHelps, viewer.userId(), clock.instant());
        return saved(student, entry, viewer.userId(), "");
    }

    /**
     * Areas of need from the MIS (SenNeedsImporter, checked there): the pupil's one-page profile is kept as the
     * SENCO wrote it. The first needs of a pupil at SEN support start their reviews, as when typed.
     */
    @Transactional
    public SenEntry importNeeds(Student student, String primary, String secondary, String importedBy) {
        SenEntry entry = entries.findByStudentId(student.getId())
                .orElseGet(() -> new SenEntry(references.next("SN", "sen_register_number_seq"), student.getId()));
        entry.describe(primary, secondary, entry.getStrengths(), entry.getNeeds(), entry.getWhatHelps(), importedBy, clock.instant());
        return saved(student, entry, importedBy, " (from the MIS)");
    }

    private SenEntry saved(Student student, SenEntry described, String by, String how) {
        Long studentId = student.getId();
        SenEntry entry = entries.save(described);
        record(studentId, EntryKind.NOTE, by, "SEN register (" + entry.getReference() + ")" + how + ": "
                + entry.primaryNeedLabel() + (entry.getSecondaryNeed() == null ? "" : "; also " + entry.secondaryNeedLabel()),
                profileInWords(entry), SupportReviewProcess.SOURCE_TYPE, entry.getId());
        if ("K".equals(student.getSenStatus()) && entry.getProcessInstanceId() == null) {
            Map<String, Object> vars = new HashMap<>();
            vars.put(SupportReviewProcess.ENTRY_ID, entry.getId());
            vars.put(SupportReviewProcess.REFERENCE, entry.getReference());
            vars.put(TaskInbox.STUDENT_ID, studentId);
            entry.started(processes.start(SupportReviewProcess.KEY, entry.getReference(), vars));
        }
        return entry;
    }

    /**
     * The pupil's EHCP: the authority that maintains it, the date it was made and of its last annual review
     * (which cannot come before the plan, nor either be after today). Starts its annual reviews.
     */
    @Transactional
    public EhcpPlan recordPlan(Long studentId, FormData data, Viewer viewer) {
        Student student = register.pupil(studentId, viewer);
        LocalDate today = LocalDate.now(clock);
        String authority = data.text("localAuthority", "Local authority", 120, true);
        LocalDate planOn = data.date("planOn", "Date of the plan", true);
        LocalDate lastReviewOn = data.date("lastReviewOn", "Date of the last annual review", false);
        if (planOn != null && planOn.isAfter(today)) {
            data.reject("planOn", "Date of the plan cannot be in the future.");
        }
        if (lastReviewOn != null && lastReviewOn.isAfter(today)) {
            data.reject("lastReviewOn", "Date of the last annual review cannot be in the future.");
        } else if (lastReviewOn != null && planOn != null && !lastReviewOn.isAfter(planOn)) {
            data.reject("lastReviewOn", "The last annual review must come after the date of the plan.");
        }
        if (!student.isEhcp() && !"E".equals(student.getSenStatus())) {
            data.reject("planOn", "The MIS has no EHCP for this pupil: correct the SEN status in the MIS first.");
        }
        if (plans.findByStudentId(studentId).isPresent()) {
            data.reject("planOn", "This pupil's EHCP is on the register already.");
        }
        data.throwIfInvalid();
        EhcpPlan plan = plans.save(new EhcpPlan(references.next("EH", "ehcp_plan_number_seq"), studentId, authority, planOn, lastReviewOn,
                viewer.userId(), clock.instant()));
        record(studentId, EntryKind.NOTE, viewer.userId(), "EHCP " + plan.getReference() + " recorded, maintained by " + authority,
                "Plan of " + planOn + (lastReviewOn == null ? "" : "; last annual review " + lastReviewOn)
                        + ". Next annual review due by " + plan.nextReviewDue() + ".", EhcpReviewProcess.SOURCE_TYPE, plan.getId());
        Map<String, Object> vars = new HashMap<>();
        vars.put(EhcpReviewProcess.PLAN_ID, plan.getId());
        vars.put(EhcpReviewProcess.REFERENCE, plan.getReference());
        vars.put(TaskInbox.STUDENT_ID, studentId);
        plan.started(processes.start(EhcpReviewProcess.KEY, plan.getReference(), vars));
        return plan;
    }

    /** One review of the SEN support plan, from its task form. */
    @Transactional
    public SupportReview recordSupportReview(SenEntry entry, LocalDate on, String pupilViews, String parentViews, String progress,
                                             String nextSteps, String outcome, Viewer viewer) {
        SupportReview r = supportReviews.save(new SupportReview(entry.getId(), on, pupilViews, parentViews, progress, nextSteps, outcome,
                viewer.userId(), clock.instant()));
        record(entry.getStudentId(), EntryKind.REVIEW, viewer.userId(), "SEN support plan reviewed (" + entry.getReference() + "): "
                        + SupportReviewForms.OUTCOMES.get(outcome),
                "The pupil's views: " + pupilViews + "\n\nThe parents' views: " + parentViews + "\n\nProgress: " + progress
                        + "\n\nNext steps: " + nextSteps, SupportReviewProcess.SOURCE_TYPE, entry.getId());
        return r;
    }

    void record(Long studentId, EntryKind kind, String by, String summary, String detail, String sourceType, Long sourceId) {
        caseStore.record(NewEntry.now(studentId, kind, Confidentiality.SEND, by, summary, detail, sourceType, sourceId));
    }

    private static String profileInWords(SenEntry e) {
        return "Strengths: " + (e.getStrengths() == null ? "not recorded" : e.getStrengths())
                + "\n\nWhat I find difficult: " + (e.getNeeds() == null ? "not recorded" : e.getNeeds())
                + "\n\nWhat helps me: " + (e.getWhatHelps() == null ? "not recorded" : e.getWhatHelps());
    }
}
