package org.pastoralflow.attendance;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Viewer;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Attendance figures, the thresholds that open a concern, and the concern's record. */
@Service
public class AttendanceService {

    private final AttendanceWeekRepository weeks;
    private final AttendanceConcernRepository concerns;
    private final AttendanceSettings settings;
    private final AccessPolicy policy;
    private final CaseStore caseStore;
    private final Processes processes;
    private final References references;
    private final Clock clock;

    public AttendanceService(AttendanceWeekRepository weeks, AttendanceConcernRepository concerns,
                             AttendanceSettings settings, CaseStore caseStore, Processes processes, References references,
                             AccessPolicy policy, Clock clock) {
        this.policy = policy;
        this.weeks = weeks;
        this.concerns = concerns;
        this.settings = settings;
        this.caseStore = caseStore;
        this.processes = processes;
        this.references = references;
        this.clock = clock;
    }

    /** Today in the school's time zone, by the application's clock. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** 1 September (or the configured month) of the school year the date falls in. */
    LocalDate schoolYearStart(LocalDate day) {
        int month = settings.schoolYearStartMonth();
        return LocalDate.of(day.getMonthValue() >= month ? day.getYear() : day.getYear() - 1, month, 1);
    }

    /** This school year's figures of every student with attendance imported, in one year group or all. */
    public Map<Long, Figures> yearToDateOfYearGroup(Integer yearGroup, LocalDate inYearOf) {
        Map<Long, Figures> figures = new HashMap<>();
        for (Object[] row : weeks.totalsByStudentSince(schoolYearStart(inYearOf), yearGroup)) {
            figures.put((Long) row[0], new Figures(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
        }
        return figures;
    }

    public Map<Long, Figures> yearToDate(Collection<Long> studentIds, LocalDate inYearOf) {
        Map<Long, Figures> figures = new HashMap<>();
        if (studentIds.isEmpty()) {
            return figures;
        }
        for (Object[] row : weeks.totalsSince(studentIds, schoolYearStart(inYearOf))) {
            figures.put((Long) row[0], new Figures(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
        }
        return figures;
    }

    public Figures yearToDate(Long studentId, LocalDate inYearOf) {
        return yearToDate(List.of(studentId), inYearOf).getOrDefault(studentId, new Figures(0, 0));
    }

    public record Evaluation(int concernsStarted, int missingEducationAlerts, int latenessConcerns) {
    }

    /** Late marks: before registers closed (L, present) and after (U, unauthorised absence). */
    public record Lates(int beforeClose, int afterClose) {

        public int total() {
            return beforeClose + afterClose;
        }
    }

    /**
     * After an import: a concern for each student now over the persistent-absence threshold who
     * has none open, and a DSL task for each who has missed every session of the last two weeks
     * without explanation (10 school days), and a PSO's lateness concern for each whose late marks
     * over the last weeks reach the school's line. Never a second of any while one is open.
     */
    @Transactional
    public Evaluation evaluate(Collection<Long> studentIds, LocalDate week) {
        // the week's rows are read whole and narrowed here: the students are those of the week's import,
        // and an IN list of a school's ids costs H2 (the demo's database) a comparison per id on every row
        Set<Long> students = new HashSet<>(studentIds);
        Map<Long, Figures> figures = new HashMap<>();
        for (Object[] row : weeks.totalsSinceOfWeek(week, schoolYearStart(week))) {
            if (students.contains((Long) row[0])) {
                figures.put((Long) row[0], new Figures(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
            }
        }
        Set<Long> open = openOrJustClosed(students, AttendanceConcern.THRESHOLD);
        int started = 0;
        for (Long id : studentIds) {
            Figures f = figures.get(id);
            if (f != null && !open.contains(id) && settings.persistent(f)) {
                open(id, AttendanceConcern.THRESHOLD, settings.severe(f), f);
                started++;
            }
        }
        int late = evaluateLateness(students, week, figures);
        Set<Long> missedAll = new HashSet<>();
        Map<Long, AttendanceWeek> previous = weeks.findByWeekCommencing(week.minusWeeks(1)).stream()
                .collect(Collectors.toMap(AttendanceWeek::getStudentId, w -> w));
        for (AttendanceWeek current : weeks.findByWeekCommencing(week)) {
            AttendanceWeek before = previous.get(current.getStudentId());
            if (students.contains(current.getStudentId()) && current.allSessionsMissedUnexplained()
                    && before != null && before.allSessionsMissedUnexplained()) {
                missedAll.add(current.getStudentId());
            }
        }
        Set<Long> alreadyReported = missedAll.isEmpty() ? Set.of()
                : concerns.findByStudentIdInAndKindAndClosedAtIsNull(missedAll, AttendanceConcern.MISSING_EDUCATION)
                .stream().map(AttendanceConcern::getStudentId).collect(Collectors.toSet());
        int alerts = 0;
        for (Long id : missedAll) {
            if (!alreadyReported.contains(id)) {
                open(id, AttendanceConcern.MISSING_EDUCATION, true, figures.getOrDefault(id, new Figures(0, 0)));
                alerts++;
            }
        }
        return new Evaluation(started, alerts, late);
    }

    /** Students with a concern of this kind open, or closed so lately that the next import should not reopen it. */
    private Set<Long> openOrJustClosed(Collection<Long> studentIds, String kind) {
        Set<Long> open = concerns.findByStudentIdInAndKindAndClosedAtIsNull(studentIds, kind)
                .stream().map(AttendanceConcern::getStudentId).collect(Collectors.toCollection(HashSet::new));
        concerns.findByStudentIdInAndKindAndClosedAtAfter(studentIds, kind,
                        clock.instant().minus(Duration.ofDays(7L * settings.quietWeeks())))
                .forEach(c -> open.add(c.getStudentId()));
        return open;
    }

    private int evaluateLateness(Set<Long> students, LocalDate week, Map<Long, Figures> figures) {
        Map<Long, Lates> lates = new HashMap<>();
        for (Object[] row : weeks.latesOfWeek(week.minusWeeks(settings.latenessWeeks() - 1L), week)) {
            if (students.contains((Long) row[0])) {
                lates.put((Long) row[0], new Lates(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
            }
        }
        List<Long> late = lates.entrySet().stream().filter(e -> settings.persistentlyLate(e.getValue().total()))
                .map(Map.Entry::getKey).sorted().toList();
        if (late.isEmpty()) {
            return 0;
        }
        Set<Long> open = openOrJustClosed(late, AttendanceConcern.LATENESS);
        int started = 0;
        for (Long id : late) {
            if (!open.contains(id)) {
                Lates l = lates.get(id);
                AttendanceConcern c = start(id, AttendanceConcern.LATENESS, false, figures.getOrDefault(id, new Figures(0, 0)));
                caseStore.record(NewEntry.now(id, EntryKind.CONCERN, Confidentiality.PASTORAL, "system",
                        "Persistent lateness (" + c.getReference() + ")", describe(l) + " in the " + settings.latenessWeeks()
                                + " weeks to " + week.plusDays(4), AttendanceProcess.SOURCE_TYPE, c.getId()));
                started++;
            }
        }
        return started;
    }

    static String describe(Lates l) {
        return l.total() + " late marks: " + l.beforeClose() + " before registers closed, " + l.afterClose()
                + " after (unauthorised absence)";
    }

    /** Late marks per student in the weeks commencing from {@code first} to {@code last}; students with none are left out. */
    public Map<Long, Lates> latesBetween(Collection<Long> studentIds, LocalDate first, LocalDate last) {
        Map<Long, Lates> lates = new HashMap<>();
        if (!studentIds.isEmpty()) {
            for (Object[] row : weeks.latesBetween(studentIds, first, last)) {
                lates.put((Long) row[0], new Lates(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
            }
        }
        return lates;
    }

    /** This school year's late marks, up to the latest week imported for the student. */
    public Lates latesThisYear(Long studentId) {
        LocalDate last = weeks.latestWeekOf(studentId).orElse(today());
        return latesBetween(List.of(studentId), schoolYearStart(last), last).getOrDefault(studentId, new Lates(0, 0));
    }

    private void open(Long studentId, String kind, boolean severe, Figures f) {
        AttendanceConcern c = start(studentId, kind, severe, f);
        boolean missing = AttendanceConcern.MISSING_EDUCATION.equals(kind);
        caseStore.record(NewEntry.now(studentId, EntryKind.CONCERN,
                missing ? Confidentiality.SAFEGUARDING : Confidentiality.PASTORAL, "system",
                (missing ? "Missed every session of the last 10 school days without explanation"
                        : (severe ? "Severe absence" : "Persistent absence")) + " (" + c.getReference() + ")",
                "Attendance this school year: " + f.describe(), AttendanceProcess.SOURCE_TYPE, c.getId()));
    }

    /** The concern, and its process started: by the model's start for its kind. */
    private AttendanceConcern start(Long studentId, String kind, boolean severe, Figures f) {
        AttendanceConcern c = concerns.save(new AttendanceConcern(references.next("A", "attendance_number_seq"),
                studentId, kind, severe, f, clock.instant()));
        Map<String, Object> vars = new HashMap<>();
        vars.put(AttendanceProcess.CONCERN_ID, c.getId());
        vars.put(AttendanceProcess.STUDENT_ID, studentId);
        vars.put(AttendanceProcess.REFERENCE, c.getReference());
        vars.put(AttendanceProcess.SEVERE, severe);
        c.started(switch (kind) {
            case AttendanceConcern.MISSING_EDUCATION -> processes.startByMessage(AttendanceProcess.TEN_DAYS_MESSAGE, c.getReference(), vars);
            case AttendanceConcern.LATENESS -> processes.startByMessage(AttendanceProcess.LATENESS_MESSAGE, c.getReference(), vars);
            default -> processes.start(AttendanceProcess.KEY, c.getReference(), vars);
        });
        return c;
    }

    /** Service task "Compare attendance with the start". */
    @Transactional(readOnly = true)
    public boolean improved(Long concernId) {
        AttendanceConcern c = concern(concernId);
        Figures now = latest(c.getStudentId());
        return !settings.persistent(now) || now.percent() - c.opened().percent() >= settings.improvementPoints();
    }

    /**
     * Service task "Close the concern with the figures", reached only when the PSO's work has ended
     * (improved, or referred to the local authority) and any DSL review of severe absence is done.
     */
    @Transactional
    public void closeWhenDone(Long concernId, boolean improved) {
        AttendanceConcern c = concern(concernId);
        if (improved) {
            closeImproved(c);
        } else {
            close(c, "escalated");
        }
    }

    private void closeImproved(AttendanceConcern c) {
        Figures now = latest(c.getStudentId());
        c.close("improved", now, clock.instant());
        caseStore.record(NewEntry.now(c.getStudentId(), EntryKind.REVIEW, Confidentiality.PASTORAL, "system",
                "Attendance concern " + c.getReference() + " closed: attendance improved",
                "When it opened: " + c.opened().describe() + "\nNow: " + now.describe(), AttendanceProcess.SOURCE_TYPE, c.getId()));
    }

    @Transactional
    public void close(AttendanceConcern c, String outcome) {
        c.close(outcome, latest(c.getStudentId()), clock.instant());
    }

    /** This school year's figures, up to the latest week imported for the student. */
    public Figures latest(Long studentId) {
        return yearToDate(studentId, weeks.latestWeekOf(studentId).orElse(today()));
    }

    public AttendanceConcern concern(Long id) {
        return concerns.findById(id).orElseThrow(() -> new IllegalStateException("No attendance concern " + id));
    }

    public AttendanceConcern concernByReference(String reference) {
        return concerns.findByReference(reference).orElseThrow(() -> new IllegalStateException("No attendance concern " + reference));
    }

    /** The student's attendance concerns the viewer may read, newest first. */
    public List<AttendanceConcern> concernsOf(Long studentId, Viewer viewer) {
        return policy.readable(viewer, concerns.findByStudentIdOrderByOpenedAtDesc(studentId), AttendanceService::classify);
    }

    public static Classification classify(AttendanceConcern c) {
        return Classification.of(AttendanceProcess.SOURCE_TYPE, c.getId(), c.getConfidentiality(), c.getStudentId());
    }
}
