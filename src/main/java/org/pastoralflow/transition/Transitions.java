package org.pastoralflow.transition;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.workflow.TaskView;
import org.pastoralflow.workflow.TermDates;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transitions as the pages read them: one incoming student's record, milestones, notes and
 * open tasks as the viewer may see them, the cohorts, and the school's "today". Writes nothing but
 * the audit of what was seen.
 */
@Service
@EnableConfigurationProperties(TransitionSettings.class)
public class Transitions {

    /** Things recorded that only the DSL group may see. */
    static final List<String> CP_TASKS = List.of(TransitionProcess.TASK_CP_FILE, TransitionProcess.TASK_CP_FILE_WITHDRAWN);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private final TransitionRepository transitions;
    private final TransitionMilestoneRepository milestones;
    private final TransitionNoteRepository notes;
    private final TransitionConcernRepository concerns;
    private final TransitionCohortRepository cohorts;
    private final FeederSchoolRepository schools;
    private final TaskInbox inbox;
    private final TermDates termDates;
    private final TransitionSettings settings;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    Transitions(TransitionRepository transitions, TransitionMilestoneRepository milestones, TransitionNoteRepository notes,
                TransitionConcernRepository concerns, TransitionCohortRepository cohorts, FeederSchoolRepository schools,
                TaskInbox inbox, TermDates termDates, TransitionSettings settings, AccessPolicy policy, AuditLog audit,
                Clock clock) {
        this.transitions = transitions;
        this.milestones = milestones;
        this.notes = notes;
        this.concerns = concerns;
        this.cohorts = cohorts;
        this.schools = schools;
        this.inbox = inbox;
        this.termDates = termDates;
        this.settings = settings;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

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
        return policy.require(viewer, byReference(reference), Transitions::classify);
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
                .sorted(Comparator.comparing(TransitionMilestone::getMilestone)).toList();
    }

    TransitionMilestone milestone(Transition t, Milestone m) {
        return milestones.findByTransitionIdAndMilestone(t.getId(), m)
                .orElseThrow(() -> new IllegalStateException("No " + m + " milestone on " + t.getReference()));
    }

    /** What has been recorded, oldest first, as the viewer may read it; safeguarding notes shown are audited. */
    @Transactional
    public List<TransitionNote> notesOf(Transition t, Viewer viewer, String where) {
        List<Confidentiality> readable = List.copyOf(AccessPolicy.levels(viewer));
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
        return inbox.openTasksVisibleTo(t.getProcessInstanceId(), policy.of(viewer),
                task -> CP_TASKS.contains(task.taskKey()) ? cpFileOf(t) : classify(t));
    }

    public FeederSchool schoolOf(Transition t) {
        return schools.findById(t.getFeederSchoolId()).orElseThrow();
    }

    String schoolName(Transition t) {
        return schools.findById(t.getFeederSchoolId()).map(FeederSchool::getName).orElse("the primary school");
    }

    public Map<Long, FeederSchool> schoolsById(Set<Long> ids) {
        return schools.findAllById(ids).stream().collect(Collectors.toMap(FeederSchool::getId, Function.identity()));
    }

    public List<Transition> ofStudent(Long studentId, Viewer viewer) {
        return policy.readable(viewer, transitions.findByStudentIdOrderByEntryYearDesc(studentId), Transitions::classify);
    }

    public List<Transition> withdrawn(int entryYear) {
        return transitions.findByEntryYearAndStatusOrderByWithdrawnAtDesc(entryYear, Transition.WITHDRAWN);
    }

    // ---------------------------------------------------------------- the cohorts

    /** The cohort the board opens on: the next September intake, or the latest one imported. */
    public Optional<Integer> defaultEntryYear() {
        int next = suggestedEntryYear();
        List<TransitionCohort> all = cohorts.findAllByOrderByEntryYearDesc();
        return all.stream().map(TransitionCohort::getEntryYear).filter(y -> y == next).findFirst()
                .or(() -> all.stream().map(TransitionCohort::getEntryYear).filter(y -> y > next).reduce((a, b) -> b))
                .or(() -> all.stream().map(TransitionCohort::getEntryYear).findFirst());
    }

    /** The September intake the import page suggests: this year's until the end of October, then next year's. */
    public int suggestedEntryYear() {
        LocalDate today = today();
        return today.getMonthValue() >= 11 ? today.getYear() + 1 : today.getYear();
    }

    public List<TransitionCohort> cohorts() {
        return cohorts.findAllByOrderByEntryYearDesc();
    }

    public Optional<TransitionCohort> cohort(int entryYear) {
        return cohorts.findById(entryYear);
    }

    // ---------------------------------------------------------------- what was seen, and when

    /** Audits what a viewer printed, exported or saw of the transition records. */
    @Transactional
    public void audited(Viewer viewer, String action, String recordType, Long recordId, Long studentId, String detail) {
        audit.record(viewer.userId(), action, recordType, recordId, studentId, detail);
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public TransitionCalendar calendar() {
        return new TransitionCalendar(termDates.calendar(), settings);
    }

    /** A day as staff read it, "Thu 9 Sep 2027". */
    static String day(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    static String schoolPath(FeederSchool school, int entryYear) {
        return "/transition/schools/" + school.getUrn() + "?year=" + entryYear;
    }
}
