package org.pastoralflow.transition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.Deadlines;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.pastoralflow.workflow.TaskInbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.pastoralflow.transition.Transitions.day;

/**
 * The allocation list applied to a cohort: a transition, its milestones and its process for each new
 * student, the changes for students already known, and the withdrawals; and the cohort's dates,
 * which the due dates and open tasks follow.
 */
@Service
public class TransitionAllocation {

    public record AllocationResult(int created, int updated, int unchanged, int reinstated, int withdrawn, int keptOnRoll,
                                   int schools) {
    }

    private final TransitionRepository transitions;
    private final TransitionMilestoneRepository milestones;
    private final TransitionCohortRepository cohorts;
    private final FeederSchoolRepository schools;
    private final Transitions reads;
    private final TransitionNotes notes;
    private final TransitionRecording recording;
    private final References references;
    private final Processes processes;
    private final Deadlines deadlines;
    private final TaskInbox inbox;
    private final AuditLog audit;
    private final Clock clock;

    TransitionAllocation(TransitionRepository transitions, TransitionMilestoneRepository milestones,
                         TransitionCohortRepository cohorts, FeederSchoolRepository schools, Transitions reads,
                         TransitionNotes notes, TransitionRecording recording, References references, Processes processes,
                         Deadlines deadlines, TaskInbox inbox, AuditLog audit, Clock clock) {
        this.transitions = transitions;
        this.milestones = milestones;
        this.cohorts = cohorts;
        this.schools = schools;
        this.reads = reads;
        this.notes = notes;
        this.recording = recording;
        this.references = references;
        this.processes = processes;
        this.deadlines = deadlines;
        this.inbox = inbox;
        this.audit = audit;
        this.clock = clock;
    }

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
            cohort = cohorts.save(new TransitionCohort(entryYear, dates, by, clock.instant()));
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
                t = transitions.save(new Transition(references.next("T", "transition_number_seq"), entryYear, row, schoolId, clock.instant()));
                start(t, cohort);
                created++;
            } else if (t.isWithdrawn()) {
                t.update(row, schoolId, clock.instant());
                t.reinstate();
                milestones.deleteAllInBatch(milestones.findByTransitionIdOrderById(t.getId()));
                milestones.flush();
                start(t, cohort);
                notes.note(t, null, EntryKind.NOTE, Confidentiality.PASTORAL, clock.instant(), by,
                        "Back on the allocation list: the transition starts again", null);
                reinstated++;
            } else if (t.differsFrom(row, schoolId)) {
                boolean cpPlanBefore = t.isCpPlan();
                t.update(row, schoolId, clock.instant()); // the triage table reads the record when it runs, so it sees this
                if (t.isActive() && t.isCpPlan() && !cpPlanBefore) {
                    recording.expectCpFile(t, by, "The allocation list now says the child has a child protection plan");
                }
                updated++;
            } else {
                unchanged++;
            }
        }
        LocalDate today = LocalDate.now(clock);
        String reason = "Not on the allocation list imported " + day(today) + " by " + by + ": place declined or withdrawn";
        for (Transition t : existing.values()) {
            if (listed.contains(t.getUpn()) || !t.isActive()) {
                continue;
            }
            if (t.getStudentId() != null && !today.isBefore(TransitionCalendar.firstSeptember(entryYear))) {
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
        TransitionCalendar cal = reads.calendar();
        LocalDate today = LocalDate.now(clock);
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
            recording.expectCpFile(t, "system", "The allocation list says the child has a child protection plan");
        }
    }

    private void withdraw(Transition t, String reason) {
        t.withdraw(reason, clock.instant());
        if (processes.isRunning(t.getProcessInstanceId())) {
            processes.correlate(TransitionProcess.MESSAGE_WITHDRAWN, t.getProcessInstanceId(), Map.of(), Map.of());
        }
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
        cohort.change(dates, by, clock.instant());
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

    private Date endOfDay(LocalDate day) {
        return Date.from(day.atTime(23, 59).atZone(clock.getZone()).toInstant());
    }
}
