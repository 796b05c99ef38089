package org.pastoralflow.reportcard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.StaffDirectory;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.workflow.TaskView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Report cards: putting a student on report, cancelling a card, and reading cards as the access policy allows. */
@Service
public class ReportCards {

    public static final int MAX_TARGETS = 3;
    static final int TARGET_LENGTH = 200;

    private final ReportCardRepository cards;
    private final ReportCardScoreRepository scores;
    private final StudentRepository students;
    private final CaseStore caseStore;
    private final Processes processes;
    private final References references;
    private final TaskInbox inbox;
    private final AccessPolicy policy;
    private final StaffDirectory directory;
    private final ReportCardSettings settings;
    private final ReportCardTimes times;
    private final Clock clock;

    ReportCards(ReportCardRepository cards, ReportCardScoreRepository scores, StudentRepository students, CaseStore caseStore,
                Processes processes, References references, TaskInbox inbox, AccessPolicy policy, StaffDirectory directory,
                ReportCardSettings settings, ReportCardTimes times, Clock clock) {
        this.cards = cards;
        this.scores = scores;
        this.students = students;
        this.caseStore = caseStore;
        this.processes = processes;
        this.references = references;
        this.inbox = inbox;
        this.policy = policy;
        this.directory = directory;
        this.settings = settings;
        this.times = times;
        this.clock = clock;
    }

    /**
     * Puts a student on report from the form: the student (one the viewer works with), the level,
     * one to three targets, the first day and the length in school days (at most the school's
     * maximum), and a named reviewer who may read the card, or the level's group.
     */
    @Transactional
    public ReportCard start(FormData data, Viewer viewer) {
        return startAsOf(data, viewer, times.today());
    }

    /**
     * The same, as it would have been on {@code asOf}: the first day may be that day or later. Only the
     * demo school uses another day than today, to play a card that started a few school days ago.
     */
    @Transactional
    public ReportCard startAsOf(FormData data, Viewer viewer, LocalDate asOf) {
        Student student = studentFor(data, viewer);
        String level = data.oneOf("level", "Level", settings.levels().stream().map(ReportCardSettings.Level::code).toList());
        List<String> targets = new ArrayList<>();
        for (int i = 1; i <= MAX_TARGETS; i++) {
            String t = data.text("target" + i, "Target " + i, TARGET_LENGTH, false);
            if (t != null) {
                targets.add(t);
            }
        }
        for (String extra : data.values().keySet()) {
            if (extra.matches("target([4-9]|\\d{2,})") && !data.values().get(extra).isBlank()) {
                data.reject(extra, "A report card has at most " + MAX_TARGETS + " targets.");
            }
        }
        if (targets.isEmpty() && !data.errors().containsKey("target1")) {
            data.reject("target1", "Give at least one target.");
        }
        String reason = data.text("reason", "Why the student is on report", 5000, false);
        LocalDate first = data.date("startsOn", "First day on report", true);
        if (first != null && first.isBefore(asOf)) {
            data.reject("startsOn", "The first day cannot be in the past.");
        } else if (first != null && !times.isSchoolDay(first)) {
            data.reject("startsOn", "The first day must be a school day.");
        }
        Integer length = data.integer("schoolDays", "Length in school days", 1, 1000, true);
        if (length != null && length > settings.maxSchoolDays()) {
            data.reject("schoolDays", "A report lasts at most " + settings.maxSchoolDays() + " school days (the school's setting).");
        }
        String reviewer = data.text("reviewer", "Reviewer", 64, false);
        if (reviewer != null && student != null && !mayReviewCardOf(reviewer, student.getId())) {
            data.reject("reviewer", "Name someone who may read the student's pastoral records, or leave it empty for the level's group.");
        }
        data.throwIfInvalid();
        ReportCard card = cards.save(new ReportCard(references.next("BR", "report_card_number_seq"), student.getId(), level, targets,
                reason, first, times.lastDay(first, length), reviewer, viewer.userId(), clock.instant()));
        record(card, viewer.userId(), "On report (" + card.getReference() + "): " + settings.levelName(level) + ", "
                + length + " school days from " + first, targetsInWords(card) + (reason == null ? "" : "\n\nWhy: " + reason));
        Map<String, Object> vars = new HashMap<>();
        vars.put(ReportCardProcess.CARD_ID, card.getId());
        vars.put(ReportCardProcess.REFERENCE, card.getReference());
        vars.put(ReportCardProcess.REVIEWER_GROUP, settings.level(level).orElseThrow().group());
        vars.put(ReportCardProcess.REVIEWER, reviewer);
        card.started(processes.start(ReportCardProcess.KEY, card.getReference(), vars));
        return card;
    }

    private Student studentFor(FormData data, Viewer viewer) {
        String id = data.required("student", "Student");
        if (id == null) {
            return null;
        }
        Optional<Student> found = id.matches("\\d{1,18}") ? students.findById(Long.valueOf(id)) : Optional.empty();
        if (found.isEmpty() || !policy.mayRead(viewer, onReport(found.get().getId()))) {
            data.reject("student", "Choose a student you work with.");
            return null;
        }
        return found.get();
    }

    /** A student the viewer may put on report: one whose pastoral records they read. */
    public Student studentToPutOnReport(Long studentId, Viewer viewer) {
        Student s = students.findById(studentId).orElseThrow(() -> new NotFoundException("Nothing was found there."));
        return policy.require(viewer, s, x -> onReport(x.getId()));
    }

    public List<Student> studentsToPutOnReport(List<Student> found, Viewer viewer) {
        return policy.readable(viewer, found, s -> onReport(s.getId()));
    }

    private static Classification onReport(Long studentId) {
        return new Classification(ReportCardProcess.SOURCE_TYPE, null, Confidentiality.PASTORAL, List.of(studentId));
    }

    private boolean mayReviewCardOf(String userId, Long studentId) {
        return directory.userExists(userId)
                && policy.mayRead(new Viewer(userId, userId, directory.groupsOf(userId)), onReport(studentId));
    }

    /** Cancels a running card (put on report by mistake, the student left): the workflow ends. */
    @Transactional
    public void cancel(String reference, FormData data, Viewer viewer) {
        ReportCard card = readable(reference, viewer);
        String why = data.text("why", "Why the card is cancelled", 5000, true);
        if (!card.isOpen()) {
            data.reject("why", "This card has already ended.");
        }
        data.throwIfInvalid();
        card.close(ReportCard.CANCELLED, why, clock.instant());
        record(card, viewer.userId(), "Report card " + card.getReference() + " cancelled", why);
        processes.correlate(ReportCardProcess.MESSAGE_CANCELLED, card.getProcessInstanceId(), Map.of(), Map.of());
    }

    void record(ReportCard card, String by, String summary, String detail) {
        caseStore.record(NewEntry.now(card.getStudentId(), EntryKind.REPORT_CARD, card.getConfidentiality(), by, summary, detail,
                ReportCardProcess.SOURCE_TYPE, card.getId()));
    }

    String targetsInWords(ReportCard card) {
        StringBuilder out = new StringBuilder("Targets:");
        List<String> targets = card.targets();
        for (int i = 0; i < targets.size(); i++) {
            out.append("\n").append(i + 1).append(". ").append(targets.get(i));
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- figures

    /** The card's figures over its school days from {@code from} to {@code to}, up to now. */
    public Figures figures(ReportCard card, LocalDate from, LocalDate to) {
        LocalDate start = from.isBefore(card.getStartsOn()) ? card.getStartsOn() : from;
        LocalDate end = to.isAfter(card.getEndsOn()) ? card.getEndsOn() : to;
        Map<String, Integer> perLesson = new HashMap<>();
        int given = 0;
        int met = 0;
        for (ReportCardScore s : scores.findByReportCardIdAndLessonDayBetween(card.getId(), start, end)) {
            perLesson.merge(s.getLessonDay() + "/" + s.getPeriod(), 1, Integer::sum);
            given++;
            met += s.getScore() == ReportCardScore.MET ? 1 : 0;
        }
        int lessons = 0;
        for (LocalDate day : end.isBefore(start) ? List.<LocalDate>of() : times.schoolDays(start, end)) {
            lessons += times.lessonsHappened(day);
        }
        int targets = card.targets().size();
        int complete = (int) perLesson.values().stream().filter(n -> n >= targets).count();
        return new Figures(lessons, complete, given, met);
    }

    /** This school week of the card: its last five school days up to today. */
    public Figures weekFigures(ReportCard card) {
        LocalDate today = times.today();
        List<LocalDate> days = times.schoolDays(card.getStartsOn(), today.isAfter(card.getEndsOn()) ? card.getEndsOn() : today);
        LocalDate from = days.size() > ReportCardTimes.WEEK ? days.get(days.size() - ReportCardTimes.WEEK) : card.getStartsOn();
        return figures(card, from, today);
    }

    public Figures allFigures(ReportCard card) {
        return figures(card, card.getStartsOn(), times.today());
    }

    // ---------------------------------------------------------------- reading

    public ReportCard byReference(String reference) {
        return cards.findByReference(reference).orElseThrow(() -> new NotFoundException("Nothing was found there."));
    }

    public ReportCard byId(Long id) {
        return cards.findById(id).orElseThrow();
    }

    public Classification classify(ReportCard card) {
        return Classification.of(ReportCardProcess.SOURCE_TYPE, card.getId(), card.getConfidentiality(), card.getStudentId());
    }

    /** The card, if the viewer may read it; otherwise the same 404 as a card that does not exist. */
    public ReportCard readable(String reference, Viewer viewer) {
        return policy.require(viewer, cards.findByReference(reference).orElse(null), this::classify);
    }

    /** The card as a teacher sees it (the student, the targets, the grid), if the viewer may; else 404. */
    public ReportCard lessonView(String reference, Viewer viewer) {
        ReportCard card = cards.findByReference(reference).orElse(null);
        if (card == null || !policy.mayReadLessonView(viewer, classify(card))) {
            throw new NotFoundException("Nothing was found there.");
        }
        return card;
    }

    public boolean mayReadWhole(ReportCard card, Viewer viewer) {
        return policy.mayRead(viewer, classify(card));
    }

    public List<ReportCard> open(Viewer viewer) {
        return policy.readable(viewer, cards.findByClosedAtIsNullOrderByStartedAtDesc(), this::classify);
    }

    public List<ReportCard> ofStudent(Long studentId, Viewer viewer) {
        return policy.readable(viewer, cards.findByStudentIdOrderByStartedAtDesc(studentId), this::classify);
    }

    public Student studentOf(ReportCard card) {
        return students.findById(card.getStudentId()).orElseThrow();
    }

    public Map<Long, Student> studentsOf(List<ReportCard> list) {
        Map<Long, Student> out = new LinkedHashMap<>();
        students.findAllById(list.stream().map(ReportCard::getStudentId).distinct().toList()).forEach(s -> out.put(s.getId(), s));
        return out;
    }

    public List<ChronologyEntry> history(ReportCard card, Viewer viewer, String where) {
        return caseStore.aboutRecord(ReportCardProcess.SOURCE_TYPE, card.getId(), viewer, card.getStudentId(), where);
    }

    public List<TaskView> openTasks(ReportCard card, Viewer viewer) {
        Classification record = classify(card);
        return inbox.openTasksVisibleTo(card.getProcessInstanceId(), policy.of(viewer), t -> record);
    }

    public String levelName(String code) {
        return settings.levelName(code);
    }

    public ReportCardSettings settings() {
        return settings;
    }

    public LocalDate today() {
        return times.today();
    }

    /** The first day a new card is offered: today, or the next school day when today is not one. */
    public LocalDate firstDayOffered() {
        return times.lastDay(times.today(), 1);
    }
}
