package org.pastoralflow.behaviour;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.References;
import org.pastoralflow.workflow.StudentPicker;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quick log: any member of staff records a behaviour or an achievement for one student, a few,
 * or a whole tutor group at once. Everything is checked before anything is written; each student's
 * line, its chronology entry, any weekly follow-up and any milestone are written in one transaction.
 */
@Service
public class QuickLog {

    public static final String WHOLE_GROUP = "wholeGroup";

    private final BehaviourLogRepository logs;
    private final BehaviourSettings settings;
    private final StudentPicker picker;
    private final StudentRepository students;
    private final References references;
    private final CaseStore caseStore;
    private final BehaviourThresholds thresholds;
    private final Milestones milestones;
    private final Clock clock;

    QuickLog(BehaviourLogRepository logs, BehaviourSettings settings, StudentPicker picker, StudentRepository students,
             References references, CaseStore caseStore, BehaviourThresholds thresholds, Milestones milestones, Clock clock) {
        this.logs = logs;
        this.settings = settings;
        this.picker = picker;
        this.students = students;
        this.references = references;
        this.caseStore = caseStore;
        this.thresholds = thresholds;
        this.milestones = milestones;
        this.clock = clock;
    }

    /** What was logged: the batch's reference and how many students it names. */
    public record Logged(String batch, int students, BehaviourSettings.Category category) {
    }

    /** From the phone page (or any form): category, points (optional, must be the category's), place, note, when, students. */
    @Transactional
    public Logged log(FormData data, Viewer viewer) {
        String code = data.oneOf("category", "Category", settings.categories().stream().map(BehaviourSettings.Category::code).toList());
        BehaviourSettings.Category category = code == null ? null : settings.category(code).orElse(null);
        Integer points = data.integer("points", "Points", -1000, 1000, false);
        if (category != null && points != null && points != category.points()) {
            data.reject("points", (category.achievement() && points < 0 ? "An achievement carries positive points only: " : "")
                    + category.label() + " carries " + BehaviourSettings.signed(category.points()) + ", not "
                    + BehaviourSettings.signed(points) + ". The points come with the category.");
        }
        String place = data.text("place", "Lesson or place", 200, true);
        String note = data.text("note", "Note", 2000, false);
        Instant occurredAt = when(data);
        Map<Long, Student> chosen = new LinkedHashMap<>();
        picker.read(data, settings.maxStudents()).values().forEach(s -> chosen.put(s.getId(), s));
        String group = data.text(WHOLE_GROUP, "Whole tutor group", 10, false);
        if (group != null) {
            List<Student> members = students.findByRegGroupOrderByLegalSurnameAscLegalForenameAsc(group);
            if (members.isEmpty()) {
                data.reject(WHOLE_GROUP, "There is no tutor group " + group + ".");
            }
            members.forEach(s -> chosen.putIfAbsent(s.getId(), s));
        }
        if (chosen.isEmpty() && !data.errors().keySet().stream().anyMatch(f -> f.startsWith(StudentPicker.PREFIX))) {
            data.reject("students", "Choose at least one student: tick them in the list, or tick the whole tutor group.");
        } else if (chosen.size() > settings.maxStudents()) {
            data.reject("students", "One log names at most " + settings.maxStudents() + " students (" + chosen.size()
                    + " chosen). Log the rest separately.");
        }
        data.throwIfInvalid();
        return record(List.copyOf(chosen.values()), category, place, note, occurredAt, viewer.userId());
    }

    /** Writes the lines once everything is known to be right (the demo's term calls this too). */
    @Transactional
    public Logged record(List<Student> chosen, BehaviourSettings.Category category, String place, String note, Instant occurredAt,
                         String recordedBy) {
        String batch = references.next("Q", "behaviour_batch_seq");
        Instant now = clock.instant();
        List<BehaviourLog> lines = new ArrayList<>();
        for (Student s : chosen) {
            lines.add(new BehaviourLog(batch, s.getId(), category, place, note, occurredAt, recordedBy, now));
        }
        logs.saveAll(lines);
        for (BehaviourLog line : lines) {
            caseStore.record(new NewEntry(line.getStudentId(), EntryKind.BEHAVIOUR_LOG, line.getConfidentiality(), occurredAt, recordedBy,
                    (category.achievement() ? "Achievement: " : "Behaviour: ") + category.labelWithPoints() + " in " + place
                            + " (" + batch + ")", note, BehaviourProcess.SOURCE_LOG, line.getId()));
        }
        List<Long> ids = chosen.stream().map(Student::getId).toList();
        if (category.achievement()) {
            milestones.check(ids, occurredAt);
        } else {
            thresholds.check(chosen, occurredAt);
        }
        return new Logged(batch, chosen.size(), category);
    }

    /** Now, unless a date or time is given; never in the future (five minutes' grace for a phone's clock). */
    private Instant when(FormData data) {
        LocalDate day = data.date("occurredOn", "Date", false);
        String t = data.text("occurredTime", "Time", 5, false);
        LocalTime time = null;
        if (t != null) {
            try {
                time = LocalTime.parse(t);
            } catch (DateTimeParseException e) {
                data.reject("occurredTime", "Time must be a time like 10:15.");
                return null;
            }
        }
        if (day == null && time == null) {
            return clock.instant();
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Instant at = LocalDateTime.of(day == null ? now.toLocalDate() : day, time == null ? now.toLocalTime() : time)
                .atZone(clock.getZone()).toInstant();
        if (at.isAfter(clock.instant().plus(5, ChronoUnit.MINUTES))) {
            data.reject(day != null ? "occurredOn" : "occurredTime", "The date and time cannot be in the future.");
        }
        return at;
    }
}
