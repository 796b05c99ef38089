package org.pastoralflow.behaviour;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.DecisionTables;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly threshold: after negative points are logged, each student's points in that school week
 * are put to behaviour-thresholds.dmn; a group in its answer gets behaviour-follow-up.bpmn's decision
 * task. Once per student and school week, whatever is logged after.
 */
@Service
public class BehaviourThresholds {

    static final Map<String, String> DECISIONS = FormField.options(
            BehaviourProcess.ON_REPORT, "Put on report",
            BehaviourProcess.PSO_CHECK_IN, "PSO check-in",
            BehaviourProcess.NOTHING, "Nothing further for now");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final BehaviourLogRepository logs;
    private final BehaviourFollowUpRepository followUps;
    private final DecisionTables decisions;
    private final Processes processes;
    private final References references;
    private final CaseStore caseStore;
    private final Clock clock;

    BehaviourThresholds(BehaviourLogRepository logs, BehaviourFollowUpRepository followUps, DecisionTables decisions,
                        Processes processes, References references, CaseStore caseStore, Clock clock) {
        this.logs = logs;
        this.followUps = followUps;
        this.decisions = decisions;
        this.processes = processes;
        this.references = references;
        this.caseStore = caseStore;
        this.clock = clock;
    }

    /** Monday of the school week the moment falls in, in the school's time zone. */
    LocalDate weekOf(Instant at) {
        return at.atZone(clock.getZone()).toLocalDate().with(DayOfWeek.MONDAY);
    }

    /** Raises the follow-up of each student whose points this school week the decision table sends to a group. */
    @Transactional
    public int check(Collection<Student> students, Instant occurredAt) {
        ZoneId zone = clock.getZone();
        LocalDate week = weekOf(occurredAt);
        List<Long> ids = students.stream().map(Student::getId).toList();
        Map<Long, Integer> points = new HashMap<>();
        for (Object[] row : logs.negativePoints(ids, week.atStartOfDay(zone).toInstant(), week.plusWeeks(1).atStartOfDay(zone).toInstant())) {
            points.put((Long) row[0], ((Number) row[1]).intValue());
        }
        Set<Long> raised = followUps.findByStudentIdInAndWeekStart(ids, week).stream()
                .map(BehaviourFollowUp::getStudentId).collect(Collectors.toSet());
        int started = 0;
        for (Student s : students) {
            int n = points.getOrDefault(s.getId(), 0);
            if (n == 0 || raised.contains(s.getId())) {
                continue;
            }
            String group = decisions.answer(BehaviourProcess.THRESHOLDS,
                    Map.of(BehaviourProcess.NEGATIVE_POINTS, n, BehaviourProcess.YEAR_GROUP, s.getYearGroup()));
            if (group != null) {
                raise(s, week, n, group);
                started++;
            }
        }
        return started;
    }

    private void raise(Student s, LocalDate week, int points, String group) {
        BehaviourFollowUp f = followUps.save(new BehaviourFollowUp(references.next("B", "behaviour_number_seq"), s.getId(), week,
                points, clock.instant()));
        Map<String, Object> vars = new HashMap<>();
        vars.put(BehaviourProcess.FOLLOW_UP_ID, f.getId());
        vars.put(BehaviourProcess.STUDENT_ID, s.getId());
        vars.put(BehaviourProcess.REFERENCE, f.getReference());
        vars.put(BehaviourProcess.FOLLOW_UP_GROUP, group);
        f.started(processes.start(BehaviourProcess.KEY, f.getReference(), vars));
        caseStore.record(NewEntry.now(s.getId(), EntryKind.ESCALATION, f.getConfidentiality(), "system",
                points + " behaviour points in the school week of " + DAY.format(week) + ": follow-up " + f.getReference()
                        + " for the Head of Year", null, BehaviourProcess.SOURCE_FOLLOW_UP, f.getId()));
    }

    public BehaviourFollowUp byReference(String reference) {
        return followUps.findByReference(reference).orElseThrow(() -> new IllegalStateException("No behaviour follow-up " + reference));
    }

    /** The decision task's form: the decision and its rationale land in the chronology. */
    @Transactional
    public void decided(BehaviourFollowUp f, String decision, String rationale, Viewer viewer) {
        f.decided(decision, rationale, viewer.userId(), clock.instant());
        followUps.save(f);
        caseStore.record(NewEntry.now(f.getStudentId(), EntryKind.DECISION, f.getConfidentiality(), viewer.userId(),
                "Behaviour follow-up " + f.getReference() + ": " + DECISIONS.get(decision), rationale,
                BehaviourProcess.SOURCE_FOLLOW_UP, f.getId()));
    }

    /** The PSO's check-in after a follow-up. */
    @Transactional
    public void checkedIn(BehaviourFollowUp f, LocalDate on, String notes, Viewer viewer) {
        caseStore.record(new NewEntry(f.getStudentId(), EntryKind.SESSION, f.getConfidentiality(),
                on.atStartOfDay(clock.getZone()).toInstant(), viewer.userId(),
                "PSO check-in after behaviour follow-up " + f.getReference(), notes, BehaviourProcess.SOURCE_FOLLOW_UP, f.getId()));
    }

    public List<BehaviourFollowUp> of(Long studentId) {
        return followUps.findByStudentIdOrderByRaisedAtDesc(studentId);
    }
}
