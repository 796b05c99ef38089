package org.pastoralflow.transition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Group;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.student.StudentRow;
import org.pastoralflow.workflow.Deadlines;
import org.pastoralflow.workflow.Processes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.pastoralflow.transition.Transitions.day;
import static org.pastoralflow.transition.Transitions.schoolPath;

/**
 * What transition.bpmn's service tasks do, one method each: the only class its delegates call.
 * Includes the case file an incoming student gets on 1 September (or earlier, for a referral).
 */
@Service
public class TransitionSteps {

    private final Transitions transitions;
    private final TransitionNotes notes;
    private final TransitionMilestoneRepository milestones;
    private final TransitionConcernRepository concerns;
    private final FeederContactRepository contacts;
    private final StudentRepository students;
    private final ReferralService referrals;
    private final Processes processes;
    private final Deadlines deadlines;
    private final Notifier notifier;
    private final Clock clock;

    TransitionSteps(Transitions transitions, TransitionNotes notes, TransitionMilestoneRepository milestones,
                    TransitionConcernRepository concerns, FeederContactRepository contacts, StudentRepository students,
                    ReferralService referrals, Processes processes, Deadlines deadlines, Notifier notifier, Clock clock) {
        this.transitions = transitions;
        this.notes = notes;
        this.milestones = milestones;
        this.concerns = concerns;
        this.contacts = contacts;
        this.students = students;
        this.referrals = referrals;
        this.processes = processes;
        this.deadlines = deadlines;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** The record the model's variables point at, for a delegate that reads its flags. */
    public Transition transition(Long transitionId) {
        return transitions.transition(transitionId);
    }

    /** "Request information from the primary": one request to each school a day, however many students it has. */
    @Transactional
    public void requestInformation(Long transitionId) {
        // No query here: an import starts hundreds of these in one transaction, and each query would
        // flush (and dirty-check) everything the import has written so far.
        Transition t = transitions.transition(transitionId);
        FeederSchool school = transitions.schoolOf(t);
        LocalDate today = LocalDate.now(clock);
        if (school.firstRequestNoticeOn(today)) {
            contacts.save(new FeederContact(school.getId(), t.getEntryYear(), FeederContact.REQUESTED, today,
                    null, "New students on the allocation list: ask the school for each child's transition information "
                    + "(pupil profile, SEND, attendance, medical, safeguarding) and log the contact here.", "system",
                    clock.instant()));
            notifier.toGroups(List.of(Group.PASTORAL_LEAD.id()), "Request transition information from " + school.getName(),
                    "Students joining in September " + t.getEntryYear() + " come from " + school.getName()
                            + ". Ask the school for their transition information.", schoolPath(school, t.getEntryYear()), null);
        }
    }

    /** "Chase the primary": the information is overdue; one chase a day per school. */
    @Transactional
    public void chasePrimary(Long transitionId) {
        Transition t = transitions.transition(transitionId);
        FeederSchool school = transitions.schoolOf(t);
        LocalDate today = LocalDate.now(clock);
        transitions.milestone(t, Milestone.INFORMATION).progress(transitions.calendar().addSchoolDays(today,
                deadlines.schoolDaysFor("transition.chase-again")), "Overdue: chased " + day(today));
        if (school.firstChaseNoticeOn(today)) {
            contacts.save(new FeederContact(school.getId(), t.getEntryYear(), FeederContact.CHASE, today, null,
                    "Transition information is overdue: chase the school.", "system", clock.instant()));
            notifier.toGroups(List.of(Group.PASTORAL_LEAD.id()), "Transition information overdue from " + school.getName(),
                    "Information about students joining in September " + t.getEntryYear() + " is overdue from "
                            + school.getName() + ". Please chase the school.", schoolPath(school, t.getEntryYear()), null);
        }
    }

    /** "Record the pathway": what the triage table decided, and the enhanced milestones that follow from it. */
    @Transactional
    public void recordPathway(Long transitionId, String pathway) {
        Transition t = transitions.transition(transitionId);
        t.pathway(pathway);
        for (Milestone extra : Milestone.ENHANCED) {
            TransitionMilestone m = transitions.milestone(t, extra);
            if (t.isEnhanced()) {
                m.open(m.getDueOn());
            } else {
                m.notNeeded("Standard transition");
            }
        }
        notes.note(t, null, EntryKind.DECISION, Confidentiality.PASTORAL, clock.instant(), "system",
                (t.isEnhanced() ? "Enhanced" : "Standard") + " transition"
                        + (t.vulnerabilities(false).isEmpty() ? "" : ": " + String.join(", ", t.vulnerabilities(false))), null);
        if (t.isEnhanced() && t.isCpPlan()) {
            notes.note(t, null, EntryKind.DECISION, Confidentiality.SAFEGUARDING, clock.instant(), "system",
                    "Enhanced transition: the child has a child protection plan", null);
        }
    }

    /**
     * "Enrol in Year 7" (1 September): the student becomes a Year 7 student of the school with a
     * case file, and everything recorded during the transition is filed into their chronology.
     */
    @Transactional
    public Long enrol(Long transitionId) {
        Transition t = transitions.transition(transitionId);
        Student s = caseFileFor(t, 7);
        transitions.milestone(t, Milestone.ON_ROLL).done(LocalDate.now(clock), "system", "Year 7"
                + (t.getTutorGroup() == null ? "" : ", " + t.getTutorGroup()));
        notes.file(t, notes.note(t, Milestone.ON_ROLL, EntryKind.NOTE, Confidentiality.PASTORAL, clock.instant(), "system",
                "Joined Year 7 from " + transitions.schoolName(t) + " (transition " + t.getReference() + ")", null));
        return s.getId();
    }

    /**
     * The student's case file: made the first time something must be filed (on 1 September, or
     * earlier for a referral), in Year 6 until September. The MIS owns the student once it exports
     * them: what it says (free school meals, EAL, preferred name) is never overwritten here.
     */
    private Student caseFileFor(Transition t, int yearGroup) {
        Student s = t.getStudentId() != null ? students.findById(t.getStudentId()).orElseThrow()
                : students.findByUpn(t.getUpn()).orElse(null);
        boolean known = s != null;
        if (s == null) {
            s = new Student(t.getUpn());
        }
        // made by this transition before September (for a referral) and not exported by the MIS since
        boolean ours = known && t.getStudentId() != null && s.getYearGroup() < 7;
        int year = known ? Math.max(s.getYearGroup(), yearGroup) : yearGroup;
        String group = year < 7 ? null : t.getTutorGroup() != null ? t.getTutorGroup() : known ? s.getRegGroup() : null;
        s.updateFrom(known && !ours
                ? new StudentRow(s.getUpn(), s.getLegalSurname(), s.getLegalForename(), s.getPreferredForename(),
                        s.getDateOfBirth(), s.getGender(), year, group, s.getSenStatus(), s.isEhcp(), s.isFsm(), s.isEal(),
                        s.isInCare(), s.isYoungCarer())
                : new StudentRow(t.getUpn(), t.getLegalSurname(), t.getLegalForename(), null, t.getDateOfBirth(), t.getGender(),
                        year, group, t.getSenStatus(), t.isEhcp(), false, false, t.isInCare(), t.isYoungCarer()), clock.instant());
        s.joinedFrom(transitions.schoolName(t), t.isCpPlan());
        s = students.save(s);
        if (t.getStudentId() == null) {
            t.caseFile(s.getId());
            if (processes.isRunning(t.getProcessInstanceId())) {
                processes.setVariables(t.getProcessInstanceId(), Map.of(TransitionProcess.STUDENT_ID, s.getId()));
            }
        }
        notes.fileWaiting(t);
        return s;
    }

    /** "Escalate to the DSLs and the Headteacher": the CP file was not received and reviewed by the KCSIE deadline. */
    @Transactional
    public void escalateCpFile(Long transitionId) {
        Transition t = transitions.transition(transitionId);
        TransitionMilestone m = transitions.milestone(t, Milestone.CP_FILE);
        m.progress(m.getDueOn(), "KCSIE deadline missed: escalated " + day(LocalDate.now(clock)));
        notes.note(t, Milestone.CP_FILE, EntryKind.ESCALATION, Confidentiality.SAFEGUARDING, clock.instant(), "system",
                "Child protection file not received and reviewed by " + day(m.getDueOn()) + " (KCSIE): escalated to the DSLs and the Headteacher",
                null);
        notifier.toGroups(List.of(Group.DSL.id()), "CP file overdue for " + t.getReference(),
                "A child protection file due from a primary school has not been received and reviewed by its KCSIE deadline. "
                        + "Contact the primary's DSL today.", "/transition/" + t.getReference(), Transitions.cpFileOf(t));
        // that a child has a child protection file is the DSL's to know: the Headteacher is told without which child
        notifier.toGroups(List.of(Group.SLT.id()), "A child protection file is overdue",
                "A child protection file due from a primary school has not been received and reviewed by its KCSIE deadline. "
                        + "The DSLs have been told which child; please make sure one of them deals with it today.", "/dashboards", null);
    }

    /** "Refer the concern" (workflow 1): the student gets a case file if they have none yet, and the referral points back here. */
    @Transactional
    public void referConcern(Long concernId) {
        TransitionConcern c = concerns.findById(concernId).orElseThrow();
        Transition t = transitions.transition(c.getTransitionId());
        Student s = caseFileFor(t, LocalDate.now(clock).isBefore(TransitionCalendar.firstSeptember(t.getEntryYear())) ? 6 : 7);
        Referral r = referrals.raiseFrom(TransitionProcess.SOURCE_TYPE, t.getReference(), s.getId(), c.getCategory(),
                c.getDescription() + "\n\n(Raised during the transition from " + transitions.schoolName(t) + ", " + t.getReference() + ".)",
                c.getChildWords(), c.getOccurredAt(), c.getLocation(), c.isImmediateRisk(), c.getRaisedBy());
        c.referred(r.getReference());
        notes.note(t, null, EntryKind.NOTE, Confidentiality.PASTORAL, c.getRaisedAt(), c.getRaisedBy(),
                "A concern was raised: referral " + r.getReference(), null);
    }

    /** "Record the withdrawal": the place was declined; nothing is left waiting. */
    @Transactional
    public void recordWithdrawal(Long transitionId) {
        Transition t = transitions.transition(transitionId);
        for (TransitionMilestone m : milestones.findByTransitionIdOrderById(t.getId())) {
            if (m.isOpen()) {
                m.notNeeded("Withdrawn");
            }
        }
        notes.note(t, null, EntryKind.NOTE, Confidentiality.PASTORAL, clock.instant(), "system", "Transition withdrawn",
                t.getWithdrawnReason());
    }

    /** "Tell the Pastoral Lead": the settling-in review is not done by October half-term. */
    @Transactional
    public void escalateSettlingIn(Long transitionId) {
        Transition t = transitions.transition(transitionId);
        notes.note(t, Milestone.SETTLING_IN, EntryKind.ESCALATION, Confidentiality.PASTORAL, clock.instant(), "system",
                "Settling-in review not done before October half-term: the Pastoral Lead is told", null);
        notifier.toGroups(List.of(Group.PASTORAL_LEAD.id()), "Settling-in review overdue for " + t.getReference(),
                "A Year 7 settling-in review has not been done before October half-term.", "/transition/" + t.getReference(),
                Transitions.classify(t));
    }

    /** "Close the transition". */
    @Transactional
    public void close(Long transitionId) {
        Transition t = transitions.transition(transitionId);
        t.settled();
        notes.note(t, null, EntryKind.NOTE, Confidentiality.PASTORAL, clock.instant(), "system",
                "Transition complete: settled in Year 7", null);
    }
}
