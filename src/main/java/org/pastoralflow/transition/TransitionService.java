package org.pastoralflow.transition;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralCategory;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.student.StudentRow;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.workflow.Deadlines;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.workflow.TaskView;
import org.pastoralflow.workflow.TermDates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transition workflow's application service: the allocation list, what the pages, task forms
 * and delegates record, and the case file an incoming student gets on 1 September. Everything an
 * incoming student's transition records is kept as a {@link TransitionNote} and filed into their
 * chronology as soon as they have one.
 */
@Service
@EnableConfigurationProperties(TransitionSettings.class)
public class TransitionService {

    /** Things recorded that only the DSL group may see. */
    static final List<String> CP_TASKS = List.of(TransitionProcess.TASK_CP_FILE, TransitionProcess.TASK_CP_FILE_WITHDRAWN);

    public record AllocationResult(int created, int updated, int unchanged, int reinstated, int withdrawn, int keptOnRoll,
                                   int schools) {
    }

    private final TransitionRepository transitions;
    private final TransitionMilestoneRepository milestones;
    private final TransitionNoteRepository notes;
    private final TransitionConcernRepository concerns;
    private final TransitionCohortRepository cohorts;
    private final FeederSchoolRepository schools;
    private final FeederContactRepository contacts;
    private final StudentRepository students;
    private final CaseStore caseStore;
    private final ReferralService referrals;
    private final Processes processes;
    private final TaskInbox inbox;
    private final References references;
    private final Deadlines deadlines;
    private final TermDates termDates;
    private final Notifier notifier;
    private final AuditLog audit;
    private final TransitionSettings settings;
    private final ZoneId zone;
    private final AccessPolicy policy;

    public TransitionService(TransitionRepository transitions, TransitionMilestoneRepository milestones,
                             TransitionNoteRepository notes, TransitionConcernRepository concerns,
                             TransitionCohortRepository cohorts, FeederSchoolRepository schools,
                             FeederContactRepository contacts, StudentRepository students, CaseStore caseStore,
                             ReferralService referrals, Processes processes, TaskInbox inbox, References references,
                             Deadlines deadlines, TermDates termDates, Notifier notifier, AuditLog audit,
                             TransitionSettings settings, @Value("${pastoral.zone:Europe/London}") ZoneId zone,
                             AccessPolicy policy) {
        this.policy = policy;
        this.transitions = transitions;
        this.milestones = milestones;
        this.notes = notes;
        this.concerns = concerns;
        this.cohorts = cohorts;
        this.schools = schools;
        this.contacts = contacts;
        this.students = students;
        this.caseStore = caseStore;
        this.referrals = referrals;
        this.processes = processes;
        this.inbox = inbox;
        this.references = references;
        this.deadlines = deadlines;
        this.termDates = termDates;
        this.notifier = notifier;
        this.audit = audit;
        this.settings = settings;
        this.zone = zone;
    }

    // ---------------------------------------------------------------- the allocation list

    /**
     * Applies a checked allocation list to the cohort, in one transaction: new students get a
     * transition, students already known are updated, a student withdrawn earlier who is back is
     * started again, and a student no longer on the list (a place declined) has the transition
     * withdrawn, unless they are already on roll.
     */
    @Transactional
    public AllocationResult applyAllocation(int entryYear, CohortDates dates, List<AllocationRow> rows, String by) {
        TransitionCohort cohort = cohorts.findById(entryYear).orElse(null);
        if (cohort == null) {
            cohort = cohorts.save(new TransitionCohort(entryYear, dates, by));
        } else if (!cohort.dates().equals(dates)) {
            changeDates(cohort, dates, by);
        }
        Map<String, FeederSchool> byUrn = schoolsFor(rows);
        Map<String, Transition> existing = transitions.findByEntryYear(entryYear).stream()
                .collect(Collectors.toMap(Transition::getUpn, Function.identity()));
        int created = 0, updated = 0, unchanged = 0, reinstated = 0, withdrawn = 0, keptOnRoll = 0;
        Set<String> listed = new HashSet<>();
        for (AllocationRow row : rows) {
            listed.add(row.upn());
            Long schoolId = byUrn.get(row.feederUrn()).getId();
            Transition t = existing.get(row.upn());
            if (t == null) {
                t = transitions.save(new Transition(references.next("T", "transition_number_seq"), entryYear, row, schoolId));
                start(t, cohort);
                created++;
            } else if (t.isWithdrawn()) {
                t.update(row, schoolId);
                t.reinstate();
                milestones.deleteAllInBatch(milestones.findByTransitionIdOrderById(t.getId()));
                milestones.flush();
                start(t, cohort);
                note(t, null, EntryKind.NOTE, Confidentiality.PASTORAL, Instant.now(), by,
                        "Back on the allocation list: the transition starts again", null);
                reinstated++;
            } else if (t.differsFrom(row, schoolId)) {
                boolean cpPlanBefore = t.isCpPlan();
                t.update(row, schoolId); // the triage table reads the record when it runs, so it sees this
                if (t.isActive() && t.isCpPlan() && !cpPlanBefore) {
                    expectCpFile(t, by, "The allocation list now says the child has a child protection plan");
                }
                updated++;
            } else {
                unchanged++;
            }
        }
        String reason = "Not on the allocation list imported " + day(LocalDate.now(zone)) + " by " + by
                + ": place declined or withdrawn";
        for (Transition t : existing.values()) {
            if (listed.contains(t.getUpn()) || !t.isActive()) {
                continue;
            }
            if (t.getStudentId() != null && !LocalDate.now(zone).isBefore(TransitionCalendar.firstSeptember(entryYear))) {
                keptOnRoll++; // on roll already: a leaver now, not a withdrawn place
                continue;
            }
            withdraw(t, reason);
            withdrawn++;
        }
        audit.record(by, "IMPORT", "allocation-list", null, null, "September " + entryYear + ": " + rows.size() + " rows, "
                + created + " new, " + updated + " updated, " + reinstated + " back, " + withdrawn + " withdrawn");
        return new AllocationResult(created, updated, unchanged, reinstated, withdrawn, keptOnRoll, byUrn.size());
    }

    private Map<String, FeederSchool> schoolsFor(List<AllocationRow> rows) {
        Map<String, String> names = new HashMap<>();
        rows.forEach(r -> names.put(r.feederUrn(), r.feederSchool()));
        Map<String, FeederSchool> byUrn = schools.findByUrnIn(names.keySet()).stream()
                .collect(Collectors.toMap(FeederSchool::getUrn, Function.identity()));
        names.forEach((urn, name) -> {
            FeederSchool s = byUrn.get(urn);
            if (s == null) {
                byUrn.put(urn, schools.save(new FeederSchool(urn, name)));
            } else if (!s.getName().equals(name)) {
                s.rename(name);
            }
        });
        return byUrn;
    }

    private void start(Transition t, TransitionCohort cohort) {
        TransitionCalendar cal = calendar();
        LocalDate today = LocalDate.now(zone);
        int year = t.getEntryYear();
        Map<Milestone, TransitionMilestone> m = new EnumMap<>(Milestone.class);
        m.put(Milestone.INFORMATION, new TransitionMilestone(t.getId(), Milestone.INFORMATION, MilestoneStatus.OPEN,
                cal.addSchoolDays(today, deadlines.schoolDaysFor("transition.primary-info"))));
        m.put(Milestone.CP_FILE, new TransitionMilestone(t.getId(), Milestone.CP_FILE, MilestoneStatus.NOT_NEEDED, null));
        for (Milestone extra : Milestone.ENHANCED) {
            m.put(extra, new TransitionMilestone(t.getId(), extra, MilestoneStatus.WAITING, cohort.getInterviewsDue()));
        }
        m.put(Milestone.INTERVIEW, new TransitionMilestone(t.getId(), Milestone.INTERVIEW, MilestoneStatus.OPEN, cohort.getInterviewsDue()));
        m.put(Milestone.TRANSITION_DAYS, new TransitionMilestone(t.getId(), Milestone.TRANSITION_DAYS, MilestoneStatus.OPEN,
                cohort.getTransitionDayLast()));
        m.put(Milestone.ON_ROLL, new TransitionMilestone(t.getId(), Milestone.ON_ROLL, MilestoneStatus.OPEN,
                TransitionCalendar.firstSeptember(year)));
        m.put(Milestone.RIGHT_START, new TransitionMilestone(t.getId(), Milestone.RIGHT_START, MilestoneStatus.OPEN,
                cal.rightStartDue(year)));
        m.put(Milestone.SETTLING_IN, new TransitionMilestone(t.getId(), Milestone.SETTLING_IN, MilestoneStatus.OPEN,
                cal.settlingInDue(year)));
        milestones.saveAll(m.values());

        Map<String, Object> vars = new HashMap<>();
        vars.put(TransitionProcess.TRANSITION_ID, t.getId());
        vars.put(TransitionProcess.REFERENCE, t.getReference());
        vars.put(TransitionProcess.ENTRY_YEAR, year);
        // no facts about the child: the model reads them from the record when a table or gateway needs them
        vars.put(TransitionProcess.PRIMARY_CHASED, false);
        vars.put(TransitionProcess.MISSED_TRANSITION_DAY, false);
        if (t.getStudentId() != null) {
            vars.put(TransitionProcess.STUDENT_ID, t.getStudentId());
        }
        t.started(processes.start(TransitionProcess.KEY, t.getReference(), vars));
        if (t.isCpPlan()) {
            expectCpFile(t, "system", "The allocation list says the child has a child protection plan");
        }
    }

    private void withdraw(Transition t, String reason) {
        t.withdraw(reason);
        if (processes.isRunning(t.getProcessInstanceId())) {
            processes.correlate(TransitionProcess.MESSAGE_WITHDRAWN, t.getProcessInstanceId(), Map.of(), Map.of());
        }
    }

    // ---------------------------------------------------------------- the cohort and its dates

    /** The cohort the board opens on: the next September intake, or the latest one imported. */
    public Optional<Integer> defaultEntryYear() {
        LocalDate today = LocalDate.now(zone);
        int next = today.getMonthValue() >= 11 ? today.getYear() + 1 : today.getYear();
        List<TransitionCohort> all = cohorts.findAllByOrderByEntryYearDesc();
        return all.stream().map(TransitionCohort::getEntryYear).filter(y -> y == next).findFirst()
                .or(() -> all.stream().map(TransitionCohort::getEntryYear).filter(y -> y > next).reduce((a, b) -> b))
                .or(() -> all.stream().map(TransitionCohort::getEntryYear).findFirst());
    }

    /** The September intake the import page suggests: this year's until the end of October, then next year's. */
    public int suggestedEntryYear() {
        LocalDate today = LocalDate.now(zone);
        return today.getMonthValue() >= 11 ? today.getYear() + 1 : today.getYear();
    }

    public List<TransitionCohort> cohorts() {
        return cohorts.findAllByOrderByEntryYearDesc();
    }

    public Optional<TransitionCohort> cohort(int entryYear) {
        return cohorts.findById(entryYear);
    }

    /** New dates for the cohort: the board's due dates and the open tasks move with them. */
    @Transactional
    public void changeDates(int entryYear, FormData data, Viewer viewer) {
        TransitionCohort cohort = cohorts.findById(entryYear).orElseThrow(() -> new NotFoundException("No such cohort"));
        CohortDates dates = CohortDates.read(data, entryYear);
        data.throwIfInvalid();
        changeDates(cohort, dates, viewer.userId());
    }

    private void changeDates(TransitionCohort cohort, CohortDates dates, String by) {
        cohort.change(dates, by);
        List<Transition> all = transitions.findByEntryYear(cohort.getEntryYear());
        List<Long> ids = all.stream().map(Transition::getId).toList();
        for (TransitionMilestone m : milestones.findByTransitionIdInAndMilestoneIn(ids, List.of(Milestone.EXTRA_VISITS,
                Milestone.SENCO_MEETING, Milestone.PARENT_INTERVIEW, Milestone.INTERVIEW, Milestone.TRANSITION_DAYS))) {
            if (m.isOpen() && !(m.getMilestone() == Milestone.TRANSITION_DAYS && m.getOutcome() != null)) {
                m.reschedule(m.getMilestone() == Milestone.TRANSITION_DAYS ? dates.transitionDayLast() : dates.interviewsDue());
            }
        }
        List<String> running = all.stream().filter(Transition::isActive).map(Transition::getProcessInstanceId).toList();
        inbox.reschedule(running, List.of(TransitionProcess.TASK_INTERVIEW, TransitionProcess.TASK_EXTRA_VISITS,
                TransitionProcess.TASK_SENCO_MEETING, TransitionProcess.TASK_PARENT_INTERVIEW), endOfDay(dates.interviewsDue()));
        audit.record(by, "CHANGE", "transition-cohort", (long) cohort.getEntryYear(), null, "Transition days "
                + dates.transitionDayFirst() + " to " + dates.transitionDayLast() + ", interviews by " + dates.interviewsDue());
    }

    // ---------------------------------------------------------------- what the model's service tasks do

    /** "Request information from the primary": one request to each school a day, however many students it has. */
    @Transactional
    public void requestInformation(Long transitionId) {
        // No query here: an import starts hundreds of these in one transaction, and each query would
        // flush (and dirty-check) everything the import has written so far.
        Transition t = transition(transitionId);
        FeederSchool school = schools.findById(t.getFeederSchoolId()).orElseThrow();
        if (school.firstRequestNoticeOn(LocalDate.now(zone))) {
            contacts.save(new FeederContact(school.getId(), t.getEntryYear(), FeederContact.REQUESTED, LocalDate.now(zone),
                    null, "New students on the allocation list: ask the school for each child's transition information "
                    + "(pupil profile, SEND, attendance, medical, safeguarding) and log the contact here.", "system"));
            notifier.toGroups(List.of(Group.PASTORAL_LEAD.id()), "Request transition information from " + school.getName(),
                    "Students joining in September " + t.getEntryYear() + " come from " + school.getName()
                            + ". Ask the school for their transition information.", schoolPath(school, t.getEntryYear()), null);
        }
    }

    /** "Chase the primary": the information is overdue; one chase a day per school. */
    @Transactional
    public void chasePrimary(Long transitionId) {
        Transition t = transition(transitionId);
        FeederSchool school = schools.findById(t.getFeederSchoolId()).orElseThrow();
        LocalDate today = LocalDate.now(zone);
        milestone(t, Milestone.INFORMATION).progress(calendar().addSchoolDays(today, deadlines.schoolDaysFor("transition.chase-again")),
                "Overdue: chased " + day(today));
        if (school.firstChaseNoticeOn(today)) {
            contacts.save(new FeederContact(school.getId(), t.getEntryYear(), FeederContact.CHASE, today, null,
                    "Transition information is overdue: chase the school.", "system"));
            notifier.toGroups(List.of(Group.PASTORAL_LEAD.id()), "Transition information overdue from " + school.getName(),
                    "Information about students joining in September " + t.getEntryYear() + " is overdue from "
                            + school.getName() + ". Please chase the school.", schoolPath(school, t.getEntryYear()), null);
        }
    }

    /** "Record the pathway": what the triage table decided, and the enhanced milestones that follow from it. */
    @Transactional
    public void recordPathway(Long transitionId, String pathway) {
        Transition t = transition(transitionId);
        t.pathway(pathway);
        for (Milestone extra : Milestone.ENHANCED) {
            TransitionMilestone m = milestone(t, extra);
            if (t.isEnhanced()) {
                m.open(m.getDueOn());
            } else {
                m.notNeeded("Standard transition");
            }
        }
        note(t, null, EntryKind.DECISION, Confidentiality.PASTORAL, Instant.now(), "system",
                (t.isEnhanced() ? "Enhanced" : "Standard") + " transition"
                        + (t.vulnerabilities(false).isEmpty() ? "" : ": " + String.join(", ", t.vulnerabilities(false))), null);
        if (t.isEnhanced() && t.isCpPlan()) {
            note(t, null, EntryKind.DECISION, Confidentiality.SAFEGUARDING, Instant.now(), "system",
                    "Enhanced transition: the child has a child protection plan", null);
        }
    }

    /**
     * "Enrol in Year 7" (1 September): the student becomes a Year 7 student of the school with a
     * case file, and everything recorded during the transition is filed into their chronology.
     */
    @Transactional
    public Long enrol(Long transitionId) {
        Transition t = transition(transitionId);
        Student s = caseFileFor(t, 7);
        milestone(t, Milestone.ON_ROLL).done(LocalDate.now(zone), "system", "Year 7" + (t.getTutorGroup() == null ? ""
                : ", " + t.getTutorGroup()));
        file(t, note(t, Milestone.ON_ROLL, EntryKind.NOTE, Confidentiality.PASTORAL, Instant.now(), "system",
                "Joined Year 7 from " + schoolName(t) + " (transition " + t.getReference() + ")", null));
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
                        year, group, t.getSenStatus(), t.isEhcp(), false, false, t.isInCare(), t.isYoungCarer()), Instant.now());
        s.joinedFrom(schoolName(t), t.isCpPlan());
        s = students.save(s);
        if (t.getStudentId() == null) {
            t.caseFile(s.getId());
            if (processes.isRunning(t.getProcessInstanceId())) {
                processes.setVariables(t.getProcessInstanceId(), Map.of(TransitionProcess.STUDENT_ID, s.getId()));
            }
        }
        for (TransitionNote n : notes.findByTransitionIdAndChronologyEntryIdIsNullOrderByOccurredAtAscIdAsc(t.getId())) {
            file(t, n);
        }
        return s;
    }

    /** "Escalate to the DSLs and the Headteacher": the CP file was not received and reviewed by the KCSIE deadline. */
    @Transactional
    public void escalateCpFile(Long transitionId) {
        Transition t = transition(transitionId);
        TransitionMilestone m = milestone(t, Milestone.CP_FILE);
        m.progress(m.getDueOn(), "KCSIE deadline missed: escalated " + day(LocalDate.now(zone)));
        note(t, Milestone.CP_FILE, EntryKind.ESCALATION, Confidentiality.SAFEGUARDING, Instant.now(), "system",
                "Child protection file not received and reviewed by " + day(m.getDueOn()) + " (KCSIE): escalated to the DSLs and the Headteacher",
                null);
        notifier.toGroups(List.of(Group.DSL.id()), "CP file overdue for " + t.getReference(),
                "A child protection file due from a primary school has not been received and reviewed by its KCSIE deadline. "
                        + "Contact the primary's DSL today.", "/transition/" + t.getReference(), cpFileOf(t));
        // that a child has a child protection file is the DSL's to know: the Headteacher is told without which child
        notifier.toGroups(List.of(Group.SLT.id()), "A child protection file is overdue",
                "A child protection file due from a primary school has not been received and reviewed by its KCSIE deadline. "
                        + "The DSLs have been told which child; please make sure one of them deals with it today.", "/dashboards", null);
    }

    /** "Refer the concern" (workflow 1): the student gets a case file if they have none yet, and the referral points back here. */
    @Transactional
    public void referConcern(Long concernId) {
        TransitionConcern c = concerns.findById(concernId).orElseThrow();
        Transition t = transition(c.getTransitionId());
        Student s = caseFileFor(t, LocalDate.now(zone).isBefore(TransitionCalendar.firstSeptember(t.getEntryYear())) ? 6 : 7);
        Referral r = referrals.raiseFrom(TransitionProcess.SOURCE_TYPE, t.getReference(), s.getId(), c.getCategory(),
                c.getDescription() + "\n\n(Raised during the transition from " + schoolName(t) + ", " + t.getReference() + ".)",
                c.getChildWords(), c.getOccurredAt(), c.getLocation(), c.isImmediateRisk(), c.getRaisedBy());
        c.referred(r.getReference());
        note(t, null, EntryKind.NOTE, Confidentiality.PASTORAL, c.getRaisedAt(), c.getRaisedBy(),
                "A concern was raised: referral " + r.getReference(), null);
    }

    /** "Record the withdrawal": the place was declined; nothing is left waiting. */
    @Transactional
    public void recordWithdrawal(Long transitionId) {
        Transition t = transition(transitionId);
        for (TransitionMilestone m : milestones.findByTransitionIdOrderById(t.getId())) {
            if (m.isOpen()) {
                m.notNeeded("Withdrawn");
            }
        }
        note(t, null, EntryKind.NOTE, Confidentiality.PASTORAL, Instant.now(), "system", "Transition withdrawn",
                t.getWithdrawnReason());
    }

    /** "Tell the Pastoral Lead": the settling-in review is not done by October half-term. */
    @Transactional
    public void escalateSettlingIn(Long transitionId) {
        Transition t = transition(transitionId);
        note(t, Milestone.SETTLING_IN, EntryKind.ESCALATION, Confidentiality.PASTORAL, Instant.now(), "system",
                "Settling-in review not done before October half-term: the Pastoral Lead is told", null);
        notifier.toGroups(List.of(Group.PASTORAL_LEAD.id()), "Settling-in review overdue for " + t.getReference(),
                "A Year 7 settling-in review has not been done before October half-term.", "/transition/" + t.getReference(),
                classify(t));
    }

    /** "Close the transition". */
    @Transactional
    public void close(Long transitionId) {
        Transition t = transition(transitionId);
        t.settled();
        note(t, null, EntryKind.NOTE, Confidentiality.PASTORAL, Instant.now(), "system",
                "Transition complete: settled in Year 7", null);
    }

    // ---------------------------------------------------------------- what the forms and pages record

    public record PrimaryInformation(boolean received, LocalDate on, List<String> items, boolean anxiety, boolean youngCarer,
                                     boolean recommendsEnhanced, boolean cpFile, String notes, String medical, String send,
                                     String notComing) {
    }

    @Transactional
    public void recordPrimaryInformation(Transition t, PrimaryInformation in, Viewer viewer) {
        Instant at = in.on() == null ? Instant.now() : in.on().atStartOfDay(zone).toInstant();
        String from = schoolName(t);
        // the form asks these whether or not the information came, and the triage table reads them from here
        t.primarySaid(in.anxiety(), in.youngCarer(), in.recommendsEnhanced());
        if (in.received()) {
            milestone(t, Milestone.INFORMATION).done(in.on(), viewer.userId(), "Received " + day(in.on()) + ": "
                    + String.join(", ", in.items()));
            StringBuilder detail = new StringBuilder(in.notes());
            if (in.medical() != null) {
                detail.append("\n\nMedical needs: ").append(in.medical());
            }
            List<String> flags = new ArrayList<>();
            if (in.anxiety()) {
                flags.add("anxiety");
            }
            if (in.youngCarer()) {
                flags.add("young carer");
            }
            if (in.recommendsEnhanced()) {
                flags.add("the primary recommends an enhanced transition");
            }
            if (!flags.isEmpty()) {
                detail.append("\n\nThe primary flags: ").append(String.join(", ", flags)).append('.');
            }
            note(t, Milestone.INFORMATION, EntryKind.NOTE, Confidentiality.PASTORAL, at, viewer.userId(),
                    "Transition information from " + from + " (" + String.join(", ", in.items()) + ")", detail.toString());
            if (in.send() != null) {
                note(t, Milestone.INFORMATION, EntryKind.NOTE, Confidentiality.SEND, at, viewer.userId(),
                        "SEND information from " + from, in.send());
            }
        } else {
            milestone(t, Milestone.INFORMATION).done(LocalDate.now(zone), viewer.userId(), "Not coming: " + in.notComing());
            note(t, Milestone.INFORMATION, EntryKind.NOTE, Confidentiality.PASTORAL, Instant.now(), viewer.userId(),
                    "No transition information will come from " + from, in.notComing());
        }
        if (in.cpFile() && !t.isCpFileExpected()) {
            note(t, Milestone.CP_FILE, EntryKind.NOTE, Confidentiality.SAFEGUARDING, at, viewer.userId(),
                    from + " says it holds a child protection file for this child", null);
            expectCpFile(t, viewer.userId(), null);
        }
    }

    /**
     * A child protection file is expected (a CP plan on the allocation list, or the primary says so):
     * the DSL gets the task to confirm its receipt and review it, with the KCSIE deadline.
     */
    private void expectCpFile(Transition t, String by, String why) {
        if (t.isCpFileExpected()) {
            return;
        }
        t.expectCpFile();
        LocalDate due = calendar().cpFileDue(t.getEntryYear(), LocalDate.now(zone));
        milestone(t, Milestone.CP_FILE).open(due);
        if (why != null) {
            note(t, Milestone.CP_FILE, EntryKind.NOTE, Confidentiality.SAFEGUARDING, Instant.now(), by,
                    why + ": child protection file expected by " + day(due), null);
        }
        processes.correlate(TransitionProcess.MESSAGE_CP_FILE_EXPECTED, t.getProcessInstanceId(), Map.of(), Map.of());
    }

    public record CpFileReceipt(boolean received, LocalDate receivedOn, String how, String from, boolean receiptConfirmed,
                                LocalDate reviewedOn, String review, String actions, String noFileReason) {
    }

    @Transactional
    public void recordCpFile(Transition t, CpFileReceipt in, Viewer viewer) {
        TransitionMilestone m = milestone(t, Milestone.CP_FILE);
        if (in.received()) {
            m.done(in.reviewedOn(), viewer.userId(), "Received " + day(in.receivedOn()) + ", reviewed " + day(in.reviewedOn()));
            note(t, Milestone.CP_FILE, EntryKind.NOTE, Confidentiality.SAFEGUARDING, in.reviewedOn().atStartOfDay(zone).toInstant(),
                    viewer.userId(), "Child protection file received " + day(in.receivedOn()) + " from " + in.from() + " (" + in.how()
                            + "), receipt confirmed to the primary, reviewed",
                    "Review: " + in.review() + (in.actions() == null ? "" : "\n\nActions: " + in.actions()));
        } else {
            m.done(LocalDate.now(zone), viewer.userId(), "No file exists");
            note(t, Milestone.CP_FILE, EntryKind.NOTE, Confidentiality.SAFEGUARDING, Instant.now(), viewer.userId(),
                    "No child protection file exists after all", in.noFileReason());
        }
    }

    /** A milestone done through its task form, with what was recorded. */
    @Transactional
    public void recordMilestone(Transition t, Milestone milestone, LocalDate on, String outcome, EntryKind kind,
                                Confidentiality confidentiality, String summary, String detail, Viewer viewer) {
        milestone(t, milestone).done(on, viewer.userId(), outcome);
        note(t, milestone, kind, confidentiality, on.atStartOfDay(zone).toInstant(), viewer.userId(), summary, detail);
    }

    @Transactional
    public void recordCpFileAfterWithdrawal(Transition t, String whatWasDone, Viewer viewer) {
        note(t, Milestone.CP_FILE, EntryKind.NOTE, Confidentiality.SAFEGUARDING, Instant.now(), viewer.userId(),
                "Place withdrawn: what was done about the child protection file", whatWasDone);
    }

    /**
     * Transition-day attendance for one student (from the register or their page): the model moves on,
     * to a follow-up when a day was missed. Refused when it has been recorded already or the student
     * is not waiting for it.
     */
    @Transactional
    public void recordTransitionDays(Transition given, List<String> missed, String notes, Viewer viewer) {
        Transition t = transition(given.getId());
        if (!t.isActive() || t.getDaysRecordedAt() != null) {
            throw InvalidFormException.of("days-" + t.getId(), t.displayName() + ": transition-day attendance is already recorded.");
        }
        TransitionCohort cohort = cohorts.findById(t.getEntryYear()).orElseThrow();
        t.daysRecorded(missed.isEmpty() ? null : String.join(", ", missed));
        TransitionMilestone m = milestone(t, Milestone.TRANSITION_DAYS);
        LocalDate today = LocalDate.now(zone);
        if (missed.isEmpty()) {
            m.done(today, viewer.userId(), "Attended");
        } else {
            m.progress(calendar().addSchoolDays(today, deadlines.schoolDaysFor("transition.missed-day")),
                    "Missed " + String.join(", ", missed) + ": follow-up due");
        }
        note(t, Milestone.TRANSITION_DAYS, EntryKind.NOTE, Confidentiality.PASTORAL,
                (today.isBefore(cohort.getTransitionDayLast()) ? today : cohort.getTransitionDayLast()).atStartOfDay(zone).toInstant(),
                viewer.userId(), missed.isEmpty() ? "Attended the transition days" : "Missed the transition day(s): " + String.join(", ", missed),
                notes);
        processes.correlate(TransitionProcess.MESSAGE_DAYS_RECORDED, t.getProcessInstanceId(),
                Map.of(TransitionProcess.MISSED_TRANSITION_DAY, !missed.isEmpty()), Map.of());
    }

    /**
     * The transition-day register for part of the cohort: each listed student attended the days
     * ticked and missed the others. All or nothing.
     */
    @Transactional
    public int recordRegister(int entryYear, Map<Long, List<String>> missedByTransition, Viewer viewer) {
        List<Transition> listed = transitions.findAllById(missedByTransition.keySet());
        for (Transition t : listed) {
            if (t.getEntryYear() != entryYear) {
                throw InvalidFormException.of("register", "A student on the register is not in the September " + entryYear + " cohort.");
            }
            recordTransitionDays(t, missedByTransition.get(t.getId()), null, viewer);
        }
        return listed.size();
    }

    /** Right Start for part of the cohort, completing each student's task as its form would. All or nothing. */
    @Transactional
    public int recordRightStart(Map<Long, String> tookPart, Viewer viewer) {
        Map<String, Long> byInstance = new HashMap<>();
        transitions.findAllById(tookPart.keySet()).forEach(t -> byInstance.put(t.getProcessInstanceId(), t.getId()));
        Map<String, String> tasks = inbox.openTaskIds(byInstance.keySet(), TransitionProcess.TASK_RIGHT_START);
        if (tasks.size() != tookPart.size()) {
            throw InvalidFormException.of("register", "Some students on the register are not waiting for Right Start any more: "
                    + "open the register again.");
        }
        tasks.forEach((instance, taskId) -> inbox.complete(taskId,
                new FormData(Map.of("tookPart", tookPart.get(byInstance.get(instance)))), viewer));
        return tasks.size();
    }

    /** Who is waiting to have their transition-day attendance recorded. */
    public List<Transition> waitingForTransitionDays(int entryYear) {
        return transitions.findByEntryYear(entryYear).stream().filter(t -> t.isActive() && t.getDaysRecordedAt() == null)
                .sorted(java.util.Comparator.comparing(Transition::getLegalSurname).thenComparing(Transition::getLegalForename))
                .toList();
    }

    /** Who has Right Start waiting, by the process's open task. */
    public List<Transition> waitingForRightStart(int entryYear) {
        List<Transition> active = transitions.findByEntryYear(entryYear).stream().filter(Transition::isActive).toList();
        Set<String> waiting = inbox.openTaskIds(active.stream().map(Transition::getProcessInstanceId).toList(),
                TransitionProcess.TASK_RIGHT_START).keySet();
        return active.stream().filter(t -> waiting.contains(t.getProcessInstanceId()))
                .sorted(java.util.Comparator.comparing(Transition::getLegalSurname).thenComparing(Transition::getLegalForename))
                .toList();
    }

    @Transactional
    public void recordMissedDayFollowUp(Transition t, LocalDate on, String what, Viewer viewer) {
        TransitionMilestone m = milestone(t, Milestone.TRANSITION_DAYS);
        m.done(on, viewer.userId(), "Missed " + t.getDaysMissed() + "; followed up " + day(on));
        note(t, Milestone.TRANSITION_DAYS, EntryKind.CONTACT_HOME, Confidentiality.PASTORAL, on.atStartOfDay(zone).toInstant(),
                viewer.userId(), "Missed transition day followed up", what);
    }

    /** A concern about an incoming student: the model turns it into a referral at once, in this transaction. */
    @Transactional
    public TransitionConcern raiseConcern(Transition t, FormData data, Viewer viewer) {
        String category = data.oneOf("category", "Category", ReferralCategory.options().keySet());
        String description = data.text("description", "What you saw or heard", 20000, true);
        String childWords = data.text("childWords", "The child's own words", 20000, false);
        LocalDateTime when = data.dateTime("occurredAt", "When it happened");
        String location = data.text("location", "Where it happened", 200, false);
        boolean immediateRisk = data.flag("immediateRisk");
        if (when != null && when.atZone(zone).toInstant().isAfter(Instant.now().plusSeconds(300))) {
            data.reject("occurredAt", "When it happened cannot be in the future.");
        }
        if (!t.isActive()) {
            data.reject("category", t.isWithdrawn()
                    ? "This transition has been withdrawn: tell the DSL in person, who will pass it to the child's new school."
                    : "This student is settled in Year 7: raise the concern from their student page.");
        }
        data.throwIfInvalid();
        return raiseConcern(t, category, description, childWords, when.atZone(zone).toInstant(), location, immediateRisk,
                viewer.userId());
    }

    TransitionConcern raiseConcern(Transition t, String category, String description, String childWords, Instant occurredAt,
                                   String location, boolean immediateRisk, String by) {
        TransitionConcern c = concerns.save(new TransitionConcern(t.getId(), category, description, childWords, occurredAt,
                location, immediateRisk, by));
        processes.correlate(TransitionProcess.MESSAGE_CONCERN, t.getProcessInstanceId(), Map.of(),
                Map.of(TransitionProcess.CONCERN_ID, c.getId()));
        return c;
    }

    @Transactional
    public void setTutorGroup(Transition given, FormData data, Viewer viewer) {
        Transition t = transition(given.getId());
        String group = data.text("tutorGroup", "Tutor group", 10, true);
        if (group != null && !group.matches("[A-Za-z0-9][A-Za-z0-9 -]*")) {
            data.reject("tutorGroup", "Tutor group: letters, digits, spaces or dashes, like 7A.");
        }
        if (t.isWithdrawn()) {
            data.reject("tutorGroup", "This transition has been withdrawn.");
        }
        data.throwIfInvalid();
        t.tutorGroup(group);
        if (t.getStudentId() != null) {
            Student s = students.findById(t.getStudentId()).orElseThrow();
            if (s.getYearGroup() >= 7) {
                s.updateFrom(new StudentRow(s.getUpn(), s.getLegalSurname(), s.getLegalForename(), s.getPreferredForename(),
                        s.getDateOfBirth(), s.getGender(), s.getYearGroup(), group, s.getSenStatus(), s.isEhcp(), s.isFsm(),
                        s.isEal(), s.isInCare(), s.isYoungCarer()), Instant.now());
            }
        }
        audit.record(viewer.userId(), "CHANGE", "transition", t.getId(), t.getStudentId(), "Tutor group of " + t.getReference()
                + ": " + group);
    }

    // ---------------------------------------------------------------- reading

    public Transition transition(Long id) {
        return transitions.findById(id).orElseThrow(() -> new IllegalStateException("No transition " + id));
    }

    public Transition byReference(String reference) {
        return transitions.findByReference(reference).orElseThrow(() -> new NotFoundException("No such transition"));
    }

    /**
     * A transition as the access policy sees it: pastoral, about the student once on roll, and until then
     * about a child joining Year 7 (so PSOs and Heads of Year who work with Year 7 read it).
     */
    public static Classification classify(Transition t) {
        return new Classification(TransitionProcess.SOURCE_TYPE, t.getId(), Confidentiality.PASTORAL,
                t.getStudentId() == null ? List.of() : List.of(t.getStudentId()), List.of(7));
    }

    /** The child protection file part of a transition (its milestone, tasks and notes): the DSL's. */
    public static Classification cpFileOf(Transition t) {
        return classify(t).at(Confidentiality.SAFEGUARDING);
    }

    /** The transition, if the viewer may read it; otherwise the same 404 as one that does not exist. */
    public Transition readable(String reference, Viewer viewer) {
        return policy.require(viewer, byReference(reference), TransitionService::classify);
    }

    /** Whether the viewer may know of this child's child protection file (the CP milestone, flag and tasks). */
    public boolean cpFileReadable(Transition t, Viewer viewer) {
        return policy.mayRead(viewer, cpFileOf(t));
    }

    public List<TransitionMilestone> milestonesOf(Transition t, Viewer viewer) {
        return milestonesOf(t, cpFileReadable(t, viewer));
    }

    /** In board order; the CP file's only when asked for by (or printed for) the DSL group. */
    public List<TransitionMilestone> milestonesOf(Transition t, boolean dsl) {
        return milestones.findByTransitionIdOrderById(t.getId()).stream()
                .filter(m -> dsl || !m.getMilestone().safeguarding())
                .sorted(java.util.Comparator.comparing(TransitionMilestone::getMilestone)).toList();
    }

    /** What has been recorded, oldest first, as the viewer may read it; safeguarding notes shown are audited. */
    @Transactional
    public List<TransitionNote> notesOf(Transition t, Viewer viewer, String where) {
        List<Confidentiality> readable = List.copyOf(org.pastoralflow.security.AccessPolicy.levels(viewer));
        if (readable.isEmpty()) {
            return List.of();
        }
        List<TransitionNote> shown = notes.findByTransitionIdAndConfidentialityInOrderByOccurredAtAscIdAsc(t.getId(), readable);
        audit.viewed(viewer.userId(), "transition-note", shown.stream()
                .filter(n -> n.getConfidentiality() == Confidentiality.SAFEGUARDING).map(TransitionNote::getId).toList(),
                t.getStudentId(), where + " " + t.getReference());
        return shown;
    }

    /** The pastoral notes only, whoever asks: what goes in the tutor booklet. */
    public List<TransitionNote> pastoralNotesOf(Transition t) {
        return notes.findByTransitionIdAndConfidentialityInOrderByOccurredAtAscIdAsc(t.getId(), List.of(Confidentiality.PASTORAL));
    }

    public List<TransitionConcern> concernsOf(Transition t) {
        return concerns.findByTransitionIdOrderByRaisedAtAsc(t.getId());
    }

    /** The tasks waiting in the student's transition; the CP file's only for the DSL group. */
    public List<TaskView> openTasks(Transition t, Viewer viewer) {
        if (t.getProcessInstanceId() == null) {
            return List.of();
        }
        AccessPolicy.Access access = policy.of(viewer);
        return inbox.openTasksOfProcess(t.getProcessInstanceId()).stream()
                .filter(task -> access.mayReadTask(CP_TASKS.contains(task.taskKey()) ? cpFileOf(t) : classify(t),
                        task.candidateGroups(), task.assignee())).toList();
    }

    public FeederSchool schoolOf(Transition t) {
        return schools.findById(t.getFeederSchoolId()).orElseThrow();
    }

    public List<Transition> ofStudent(Long studentId, Viewer viewer) {
        return policy.readable(viewer, transitions.findByStudentIdOrderByEntryYearDesc(studentId), TransitionService::classify);
    }

    public List<Transition> withdrawn(int entryYear) {
        return transitions.findByEntryYearAndStatusOrderByWithdrawnAtDesc(entryYear, Transition.WITHDRAWN);
    }

    public Map<String, Transition> byReferences(Set<String> references) {
        return transitions.findByReferenceIn(references).stream().collect(Collectors.toMap(Transition::getReference, Function.identity()));
    }

    public Map<Long, FeederSchool> schoolsById(Set<Long> ids) {
        return schools.findAllById(ids).stream().collect(Collectors.toMap(FeederSchool::getId, Function.identity()));
    }

    /** Audits what a viewer printed, exported or saw of the transition records. */
    @Transactional
    public void audited(Viewer viewer, String action, String recordType, Long recordId, Long studentId, String detail) {
        audit.record(viewer.userId(), action, recordType, recordId, studentId, detail);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    public TransitionCalendar calendar() {
        return new TransitionCalendar(termDates.calendar(), settings);
    }

    // ---------------------------------------------------------------- helpers

    TransitionMilestone milestone(Transition t, Milestone m) {
        return milestones.findByTransitionIdAndMilestone(t.getId(), m)
                .orElseThrow(() -> new IllegalStateException("No " + m + " milestone on " + t.getReference()));
    }

    private TransitionNote note(Transition t, Milestone milestone, EntryKind kind, Confidentiality confidentiality,
                                Instant occurredAt, String by, String summary, String detail) {
        TransitionNote n = notes.save(new TransitionNote(t.getId(), milestone, kind, confidentiality, occurredAt, by, summary, detail));
        if (t.getStudentId() != null) {
            file(t, n);
        }
        return n;
    }

    private TransitionNote file(Transition t, TransitionNote n) {
        if (!n.isFiled()) {
            ChronologyEntry e = caseStore.record(new NewEntry(t.getStudentId(), n.getKind(), n.getConfidentiality(),
                    n.getOccurredAt(), n.getRecordedBy(), n.getSummary(), n.getDetail(), TransitionProcess.SOURCE_TYPE, t.getId()));
            n.filed(e.getId());
        }
        return n;
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.UK);

    /** A day as staff read it, "Thu 9 Sep 2027". */
    static String day(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    private String schoolName(Transition t) {
        return schools.findById(t.getFeederSchoolId()).map(FeederSchool::getName).orElse("the primary school");
    }

    static String schoolPath(FeederSchool school, int entryYear) {
        return "/transition/schools/" + school.getUrn() + "?year=" + entryYear;
    }

    private Date endOfDay(LocalDate day) {
        return Date.from(day.atTime(23, 59).atZone(zone).toInstant());
    }
}
