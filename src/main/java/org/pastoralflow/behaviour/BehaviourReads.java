package org.pastoralflow.behaviour;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.SchoolCalendar;
import org.pastoralflow.workflow.TermDates;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reads for pages: a log just made, the student's panel, the celebration assembly list, a certificate. */
@Service
public class BehaviourReads {

    private final BehaviourLogRepository logs;
    private final BehaviourMilestoneRepository milestones;
    private final BehaviourThresholds thresholds;
    private final BehaviourSettings settings;
    private final StudentRepository students;
    private final AccessPolicy policy;
    private final TermDates termDates;
    private final Clock clock;

    BehaviourReads(BehaviourLogRepository logs, BehaviourMilestoneRepository milestones, BehaviourThresholds thresholds,
                   BehaviourSettings settings, StudentRepository students, AccessPolicy policy, TermDates termDates, Clock clock) {
        this.logs = logs;
        this.milestones = milestones;
        this.thresholds = thresholds;
        this.settings = settings;
        this.students = students;
        this.policy = policy;
        this.termDates = termDates;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public static Classification classify(BehaviourLog l) {
        return Classification.of(BehaviourProcess.SOURCE_LOG, l.getId(), l.getConfidentiality(), l.getStudentId());
    }

    public static Classification classify(BehaviourFollowUp f) {
        return Classification.of(BehaviourProcess.SOURCE_FOLLOW_UP, f.getId(), f.getConfidentiality(), f.getStudentId());
    }

    public static Classification classify(BehaviourMilestone m) {
        return Classification.of(BehaviourProcess.SOURCE_MILESTONE, m.getId(), m.getConfidentiality(), m.getStudentId());
    }

    /**
     * The lines of one log, to whoever logged it (what they typed is theirs to see again) or to a
     * viewer who may read every line; for anyone else nothing, as for a log that does not exist.
     */
    @Transactional(readOnly = true)
    public List<BehaviourLog> batch(String batch, Viewer viewer) {
        List<BehaviourLog> lines = logs.findByBatchOrderByIdAsc(batch);
        if (lines.isEmpty() || lines.get(0).getRecordedBy().equals(viewer.userId())) {
            return lines;
        }
        return policy.readable(viewer, lines, BehaviourReads::classify).size() == lines.size() ? lines : List.of();
    }

    public Map<Long, Student> studentsOf(List<BehaviourLog> lines) {
        Map<Long, Student> byId = new HashMap<>();
        students.findAllById(lines.stream().map(BehaviourLog::getStudentId).distinct().toList()).forEach(s -> byId.put(s.getId(), s));
        return byId;
    }

    /** Category labels by code, for lists of logs. */
    public Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        settings.categories().forEach(c -> labels.put(c.code(), c.label()));
        return labels;
    }

    public BehaviourSettings settings() {
        return settings;
    }

    /** Points over a period: behaviour as a positive number, achievement. */
    public record Points(String period, int behaviour, int achievement) {
    }

    /** The student page's panel. */
    public record Panel(Points week, Points term, List<BehaviourLog> recent, List<BehaviourFollowUp> followUps,
                        List<BehaviourMilestone> milestones) {

        public boolean isEmpty() {
            return recent.isEmpty() && followUps.isEmpty() && milestones.isEmpty();
        }
    }

    /** The student's follow-ups the viewer may read, newest first. */
    @Transactional(readOnly = true)
    public List<BehaviourFollowUp> followUps(Long studentId, Viewer viewer) {
        return policy.of(viewer).readable(thresholds.of(studentId), BehaviourReads::classify);
    }

    /** This school week's and this term's points, the latest logs, the follow-ups and milestones: as far as the viewer may read them. */
    @Transactional(readOnly = true)
    public Panel panel(Long studentId, Viewer viewer) {
        AccessPolicy.Access access = policy.of(viewer);
        LocalDate today = LocalDate.now(clock);
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        SchoolCalendar.Term term = termDates.calendar().termBegunBy(today).orElse(null);
        LocalDate termStart = term == null ? LocalDate.of(today.getMonthValue() >= settings.schoolYearStartMonth() ? today.getYear()
                : today.getYear() - 1, settings.schoolYearStartMonth(), 1) : term.startsOn();
        Points week = points(studentId, "This week", monday, today, access);
        Points termPoints = points(studentId, term == null ? "This school year" : term.name(), termStart, today, access);
        return new Panel(week, termPoints,
                access.readable(logs.findByStudentIdOrderByOccurredAtDescIdDesc(studentId, PageRequest.of(0, 10)), BehaviourReads::classify),
                access.readable(thresholds.of(studentId), BehaviourReads::classify),
                access.readable(milestones.findByStudentIdOrderByReachedAtDesc(studentId), BehaviourReads::classify));
    }

    private Points points(Long studentId, String name, LocalDate from, LocalDate to, AccessPolicy.Access access) {
        // every line is pastoral: the viewer reads all of the student's points or none
        if (!access.mayRead(Classification.of(BehaviourProcess.SOURCE_LOG, null, org.pastoralflow.security.Confidentiality.PASTORAL,
                studentId))) {
            return new Points(name, 0, 0);
        }
        Object[] row = logs.pointsOf(studentId, from.atStartOfDay(zone()).toInstant(), to.plusDays(1).atStartOfDay(zone()).toInstant())
                .get(0);
        return new Points(name, ((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }

    /** One row of the celebration assembly list. */
    public record Celebrated(Student student, BehaviourMilestone milestone) {
    }

    /** Students who reached a milestone since the day, by year group then name, as far as the viewer may read them. */
    @Transactional(readOnly = true)
    public List<Celebrated> celebration(LocalDate since, Viewer viewer) {
        Instant from = since.atStartOfDay(zone()).toInstant();
        List<BehaviourMilestone> reached = policy.readable(viewer, milestones.findByReachedAtGreaterThanEqualOrderByReachedAtAsc(from),
                BehaviourReads::classify);
        Map<Long, Student> byId = new HashMap<>();
        students.findAllById(reached.stream().map(BehaviourMilestone::getStudentId).distinct().toList())
                .forEach(s -> byId.put(s.getId(), s));
        List<Celebrated> rows = new ArrayList<>();
        reached.forEach(m -> rows.add(new Celebrated(byId.get(m.getStudentId()), m)));
        rows.sort(Comparator.comparing((Celebrated c) -> c.student().getYearGroup())
                .thenComparing(c -> c.student().getLegalSurname()).thenComparing(c -> c.student().getLegalForename())
                .thenComparing(c -> c.milestone().getPoints()));
        return rows;
    }

    /** A milestone for its certificate, or the same 404 as one that does not exist. */
    @Transactional(readOnly = true)
    public BehaviourMilestone milestone(Long id, Viewer viewer) {
        return policy.require(viewer, milestones.findById(id).orElse(null), BehaviourReads::classify);
    }

    public Student student(Long id) {
        return students.findById(id).orElseThrow();
    }
}
