package org.pastoralflow.investigation;

import java.time.Clock;
import java.util.List;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.mediation.Mediation;
import org.pastoralflow.mediation.MediationService;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.suspension.Suspensions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What investigation.bpmn's service tasks do, one method each: the only class its delegates call. */
@Service
public class InvestigationSteps {

    private final Investigations investigations;
    private final IncidentStudentRepository involved;
    private final IncidentCheckRepository checks;
    private final CaseStore caseStore;
    private final ReferralService referrals;
    private final MediationService mediations;
    private final Notifier notifier;
    private final Clock clock;
    private final Suspensions suspensions;

    InvestigationSteps(Investigations investigations, IncidentStudentRepository involved, IncidentCheckRepository checks,
                       CaseStore caseStore, ReferralService referrals, MediationService mediations, Notifier notifier,
                       Clock clock, Suspensions suspensions) {
        this.suspensions = suspensions;
        this.clock = clock;
        this.investigations = investigations;
        this.involved = involved;
        this.checks = checks;
        this.caseStore = caseStore;
        this.referrals = referrals;
        this.mediations = mediations;
        this.notifier = notifier;
    }

    /**
     * "Add the incident to each student's case file": each student's own part, never another's, at
     * the incident's confidentiality. A safeguarding incident has no pastoral entry at all: whoever
     * may not read it learns nothing of it, not even that the student was involved.
     */
    @Transactional
    public void addToCaseFiles(Long incidentId) {
        Incident i = investigations.incident(incidentId);
        String where = i.getLocation() + ", " + investigations.when(i.getOccurredAt());
        for (IncidentStudent s : involved.findByIncidentIdOrderByPosition(incidentId)) {
            String part = "involved as " + s.getPartLabel().toLowerCase();
            caseStore.record(new NewEntry(s.getStudentId(), EntryKind.INCIDENT, i.detailConfidentiality(), i.getOccurredAt(),
                    i.getLoggedBy(), "Incident " + i.getReference() + ": " + i.getTypeLabel() + ", " + where + ", " + part,
                    account(i), InvestigationProcess.SOURCE_TYPE, i.getId()));
        }
    }

    private static String account(Incident i) {
        return i.getDescription() + (i.getStaffInvolved() == null ? "" : "\n\nStaff involved: " + i.getStaffInvolved())
                + (i.isReasonableForce() ? "\n\nReasonable force was used." : "");
    }

    /**
     * "Refer to the DSL": a referral (workflow 1) for every target and alleged perpetrator (KCSIE
     * Part 5: both need the DSL's consideration), or for every student when only witnesses are named.
     * Each referral points back at the incident and the incident row names the referral.
     */
    @Transactional
    public void referToDsl(Long incidentId) {
        Incident i = investigations.incident(incidentId);
        List<IncidentStudent> all = involved.findByIncidentIdOrderByPosition(incidentId);
        List<IncidentStudent> chosen = all.stream().filter(s -> s.part() != Part.WITNESS).toList();
        for (IncidentStudent s : chosen.isEmpty() ? all : chosen) {
            Referral r = referrals.raiseFrom(InvestigationProcess.SOURCE_TYPE, i.getReference(), s.getStudentId(), "safeguarding",
                    "From incident " + i.getReference() + " (" + i.getTypeLabel()
                            + (i.isSafeguardingIndicator() ? "; safeguarding concern ticked" : "") + "), logged by "
                            + i.getLoggedBy() + ". This student's part: " + s.getPartLabel().toLowerCase() + ".\n\n" + account(i),
                    i.getOccurredAt(), i.getLocation(), i.getLoggedBy());
            s.referredToDsl(r.getReference());
        }
    }

    /** "Warn the investigator": the CCTV check is still open and the footage will soon be overwritten. */
    @Transactional
    public void warnCctvExpiry(Long incidentId) {
        Incident i = investigations.incident(incidentId);
        IncidentCheck cctv = checks.findFirstByIncidentIdAndKind(incidentId, CheckKind.CCTV).orElseThrow();
        if (!cctv.isOpen()) {
            return;
        }
        cctv.warned(clock.instant());
        String text = "The CCTV for incident " + i.getReference() + " will be overwritten on "
                + investigations.when(i.getCctvOverwrittenAt())
                + ". Check it and save what is needed now, or mark the check not applicable with a reason.";
        if (i.getInvestigator() != null) {
            notifier.toUsers(List.of(i.getInvestigator()), "CCTV for " + i.getReference() + " about to be overwritten", text,
                    "/investigations/" + i.getReference(), investigations.classify(i));
        }
    }

    /** "Start restorative mediation" between the targets and the alleged perpetrators. */
    @Transactional
    public void startMediation(Long incidentId) {
        Incident i = investigations.incident(incidentId);
        List<Long> parties = involved.findByIncidentIdOrderByPosition(i.getId()).stream()
                .filter(s -> s.part() != Part.WITNESS).map(IncidentStudent::getStudentId).toList();
        Mediation m = mediations.startFromIncident(i.getReference(), i.detailConfidentiality(), parties, "After incident "
                + i.getReference() + ": " + i.getTypeLabel() + ", " + i.getLocation() + ", "
                + investigations.when(i.getOccurredAt()) + ".", i.getInvestigator());
        i.mediationStarted(m.getReference());
    }

    /**
     * "Start the suspension": one suspension (suspension.bpmn) for each student the Headteacher
     * approved a suspension for, with the incident's account as its reasons and at its confidentiality.
     */
    @Transactional
    public void startSuspensions(Long incidentId) {
        Incident i = investigations.incident(incidentId);
        for (IncidentStudent s : involved.findByIncidentIdOrderByPosition(incidentId)) {
            if (s.sanctionValue() == Sanction.SUSPENSION && IncidentStudent.APPROVED.equals(s.getSanctionStatus())) {
                suspensions.startFromIncident(i.getId(), i.getReference(), i.detailConfidentiality(), s.getStudentId(),
                        s.getSuspensionDays(), i.getTypeLabel() + ", " + i.getLocation() + ", " + investigations.when(i.getOccurredAt())
                                + ".\n\n" + i.getOutcomeRationale(), i.getHeadDecidedBy());
            }
        }
    }

    /**
     * "Refer the target for support" (workflow 1): welfare support through PSO triage, or through the
     * DSL when the incident is a safeguarding one.
     */
    @Transactional
    public void referTargetsForSupport(Long incidentId) {
        Incident i = investigations.incident(incidentId);
        for (IncidentStudent s : involved.findByIncidentIdOrderByPosition(incidentId)) {
            if (s.part() != Part.TARGET) {
                continue;
            }
            Referral r = referrals.raiseFrom(InvestigationProcess.SOURCE_TYPE, i.getReference(), s.getStudentId(),
                    i.isSafeguarding() ? "safeguarding" : "welfare",
                    "Support for the target of incident " + i.getReference() + " (" + i.getTypeLabel() + ", " + i.getLocation()
                            + ", " + investigations.when(i.getOccurredAt()) + "). Outcome of the investigation: "
                            + i.getOutcomeLabel().toLowerCase() + ".", i.getOccurredAt(), i.getLocation(), i.getInvestigator());
            s.referredForSupport(r.getReference());
        }
    }

    /** "Close the investigation". */
    @Transactional
    public void close(Long incidentId) {
        Incident i = investigations.incident(incidentId);
        i.close(clock.instant());
        for (IncidentStudent s : involved.findByIncidentIdOrderByPosition(incidentId)) {
            caseStore.record(NewEntry.now(s.getStudentId(), EntryKind.NOTE, i.detailConfidentiality(), "system",
                    "Investigation of incident " + i.getReference() + " closed: every item of the checklist done, parents contacted",
                    null, InvestigationProcess.SOURCE_TYPE, i.getId()));
        }
    }
}
