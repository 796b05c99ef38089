package org.pastoralflow.reportcard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scoring page: the cards running today that the viewer may see as a teacher does, and each
 * lesson's scores against each target. A score is for a lesson that has started; scoring a lesson
 * again replaces its score, and the change is audited.
 */
@Service
public class ReportCardScoring {

    /** A score's field: {@code p3-t2} is period 3, target 2. */
    static final Pattern FIELD = Pattern.compile("p(\\d{1,3})-t(\\d{1,3})");

    /** One card on one day as a teacher sees it: the scores by field name, and how many lessons have started. */
    public record LessonCard(ReportCard card, Student student, LocalDate day, Map<String, Integer> scores, int happened) {

        public Integer score(int period, int target) {
            return scores.get(field(period, target));
        }
    }

    private final ReportCards cards;
    private final ReportCardRepository repository;
    private final ReportCardScoreRepository scores;
    private final ReportCardTimes times;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    ReportCardScoring(ReportCards cards, ReportCardRepository repository, ReportCardScoreRepository scores, ReportCardTimes times,
                      AccessPolicy policy, AuditLog audit, Clock clock) {
        this.cards = cards;
        this.repository = repository;
        this.scores = scores;
        this.times = times;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    static String field(int period, int target) {
        return "p" + period + "-t" + target;
    }

    /** Today's cards the viewer may see as a teacher, by student name. */
    @Transactional(readOnly = true)
    public List<LessonCard> today(Viewer viewer) {
        LocalDate today = times.today();
        if (!times.isSchoolDay(today)) {
            return List.of();
        }
        List<ReportCard> running = policy.of(viewer).lessonViewReadable(
                repository.findByClosedAtIsNullAndStartsOnLessThanEqualAndEndsOnGreaterThanEqual(today, today), cards::classify);
        Map<Long, Student> students = cards.studentsOf(running);
        Map<Long, Map<String, Integer>> byCard = new HashMap<>();
        if (!running.isEmpty()) {
            scores.findByReportCardIdInAndLessonDay(running.stream().map(ReportCard::getId).toList(), today)
                    .forEach(s -> byCard.computeIfAbsent(s.getReportCardId(), k -> new HashMap<>())
                            .put(field(s.getPeriod(), s.getTarget()), s.getScore()));
        }
        int happened = times.lessonsHappened(today);
        return running.stream()
                .map(c -> new LessonCard(c, students.get(c.getStudentId()), today, byCard.getOrDefault(c.getId(), Map.of()), happened))
                .sorted(java.util.Comparator.comparing(l -> l.student().displayName()))
                .toList();
    }

    /** One card on one day. */
    @Transactional(readOnly = true)
    public LessonCard day(ReportCard card, LocalDate day) {
        Map<String, Integer> byField = new HashMap<>();
        scores.findByReportCardIdAndLessonDay(card.getId(), day).forEach(s -> byField.put(field(s.getPeriod(), s.getTarget()), s.getScore()));
        return new LessonCard(card, cards.studentOf(card), day, byField, times.lessonsHappened(day));
    }

    /**
     * Scores from the page (or the API): the day, then {@code p<period>-t<target>} = 2, 1 or 0 for
     * each lesson scored; empty fields are left as they are. Everything is checked before anything
     * is written: a lesson that has not started, a period or target the card does not have, a day
     * the card does not run.
     */
    @Transactional
    public int score(String reference, FormData data, Viewer viewer) {
        ReportCard card = cards.lessonView(reference, viewer);
        LocalDate day = data.date("day", "Day", true);
        int periods = cards.settings().periodsPerDay();
        int targets = card.targets().size();
        if (day != null) {
            if (day.isAfter(times.today())) {
                data.reject("day", "That day has not happened yet: lessons are scored once they have started.");
            } else if (!card.runsOn(day) || !times.isSchoolDay(day)) {
                data.reject("day", "The card does not run on that day.");
            } else if (!card.isOpen()) {
                data.reject("day", "This card has ended.");
            }
        }
        int happened = day == null ? periods : times.lessonsHappened(day);
        Map<String, Integer> given = new HashMap<>();
        for (String name : List.copyOf(data.values().keySet())) {
            Matcher m = FIELD.matcher(name);
            if (!m.matches()) {
                continue;
            }
            String value = data.optional(name);
            if (value == null) {
                continue;
            }
            int period = Integer.parseInt(m.group(1));
            int target = Integer.parseInt(m.group(2));
            if (period < 1 || period > periods || target < 1 || target > targets) {
                data.reject(name, "The card has no period " + period + " target " + target + ".");
            } else if (!ReportCardScore.SCORES.containsKey(value)) {
                data.reject(name, "Period " + period + ", target " + target + ": choose met, partly or not met.");
            } else if (period > happened) {
                data.reject(name, "Period " + period + " has not happened yet: score it once the lesson has started.");
            } else {
                given.put(name, Integer.valueOf(value));
            }
        }
        data.throwIfInvalid();
        Map<String, ReportCardScore> existing = new HashMap<>();
        scores.findByReportCardIdAndLessonDay(card.getId(), day).forEach(s -> existing.put(field(s.getPeriod(), s.getTarget()), s));
        int written = 0;
        for (Map.Entry<String, Integer> e : given.entrySet()) {
            Matcher m = FIELD.matcher(e.getKey());
            m.matches();
            int period = Integer.parseInt(m.group(1));
            int target = Integer.parseInt(m.group(2));
            ReportCardScore old = existing.get(e.getKey());
            if (old == null) {
                scores.save(new ReportCardScore(card.getId(), day, period, target, e.getValue(), viewer.userId(), clock.instant()));
                written++;
            } else if (old.getScore() != e.getValue()) {
                audit.record(viewer.userId(), "REPLACE", "report-card-score", old.getId(), card.getStudentId(),
                        card.getReference() + " " + day + " period " + period + " target " + target + ": " + old.getScore()
                                + " (by " + old.getScoredBy() + ") replaced by " + e.getValue());
                old.replace(e.getValue(), viewer.userId(), clock.instant());
                written++;
            }
        }
        return written;
    }
}
