package org.pastoralflow.removal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.StudentPicker;
import org.pastoralflow.workflow.SchoolCalendar;
import org.pastoralflow.workflow.TermDates;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removals from lessons: recording one (any member of staff, as with incidents; a PSO or Head of Year
 * with year groups for their own students only), the reflection room's register by day, and a
 * student's removals this term. Every read goes through the access policy.
 */
@Service
@EnableConfigurationProperties(RemovalSettings.class)
public class Removals {

    /** How far ahead of the clock a removal may be dated (a watch a minute fast), as with incidents. */
    static final long FUTURE_SLACK_MINUTES = 5;

    private final RemovalRepository removals;
    private final StudentRepository students;
    private final CaseStore caseStore;
    private final AccessPolicy policy;
    private final StudentPicker picker;
    private final TermDates termDates;
    private final RemovalSettings settings;
    private final Clock clock;

    Removals(RemovalRepository removals, StudentRepository students, CaseStore caseStore, AccessPolicy policy,
             StudentPicker picker, TermDates termDates, RemovalSettings settings, Clock clock) {
        this.removals = removals;
        this.students = students;
        this.caseStore = caseStore;
        this.policy = policy;
        this.picker = picker;
        this.termDates = termDates;
        this.settings = settings;
        this.clock = clock;
    }

    public RemovalSettings settings() {
        return settings;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Records a removal and its chronology entry. Everything is checked before anything is written:
     * a field error names what is wrong (no reason, a return before the removal, a time to come, a
     * student outside the recorder's year groups).
     */
    @Transactional
    public Removal record(FormData data, Viewer viewer) {
        Student student = picker.one(data, "upn", viewer, "record a removal for a student of another year through their Head of Year or PSO.");
        LocalDate day = data.date("day", "Date", true);
        LocalTime time = time(data, "time", "Time removed", true);
        String period = data.text("period", "Period", 20, false);
        String lesson = data.text("lesson", "Lesson (subject and room)", 120, true);
        String reason = data.oneOf("reason", "Reason", settings.reasons());
        String note = data.text("note", "What happened", 2000, true);
        String destination = data.oneOf("destination", "Sent to", settings.destinations());
        LocalTime back = time(data, "returnTime", "Expected return", true);
        Instant removedAt = null;
        if (day != null && time != null) {
            removedAt = LocalDateTime.of(day, time).atZone(zone()).toInstant();
            if (removedAt.isAfter(clock.instant().plus(FUTURE_SLACK_MINUTES, ChronoUnit.MINUTES))) {
                data.reject("time", "The removal cannot be in the future: give the date and time it happened.");
            }
            if (back != null && !back.isAfter(time)) {
                data.reject("returnTime", "Expected return must be after the time removed (" + time + ").");
            }
        }
        data.throwIfInvalid();

        Instant expectedReturn = LocalDateTime.of(day, back).atZone(zone()).toInstant();
        Removal removal = removals.save(new Removal(student.getId(), removedAt, period, lesson, reason, note, destination,
                expectedReturn, viewer.userId(), clock.instant()));
        caseStore.record(new NewEntry(student.getId(), EntryKind.REMOVAL, removal.getConfidentiality(), removedAt, viewer.userId(),
                "Removed from " + lesson + (period == null ? "" : " (" + period + ")") + " to " + destination + ": " + reason,
                note + "\nExpected back at " + back + ".", Removal.RECORD_TYPE, removal.getId()));
        return removal;
    }

    /** The removals of the day sent to a room with a register, as the viewer may read them, in time order. */
    @Transactional(readOnly = true)
    public List<Removal> register(LocalDate day, Viewer viewer) {
        Instant from = day.atStartOfDay(zone()).toInstant();
        Instant until = day.plusDays(1).atStartOfDay(zone()).toInstant();
        List<Removal> sent = removals.findByDestinationInAndRemovedAtGreaterThanEqualAndRemovedAtLessThanOrderByRemovedAtAscIdAsc(
                settings.registerDestinations(), from, until);
        return policy.readable(viewer, sent, Removal::classification);
    }

    /**
     * The room's register of one removal: arrived, left, work set. A removal the viewer may not read,
     * or one not sent to a room with a register, is not found.
     */
    @Transactional
    public Removal registerOne(Long id, FormData data, Viewer viewer) {
        Removal removal = removals.findById(id).filter(r -> settings.registerDestinations().contains(r.getDestination())).orElse(null);
        policy.require(viewer, removal, Removal::classification);
        LocalTime arrived = time(data, "arrived", "Arrived", false);
        LocalTime left = time(data, "left", "Left", false);
        String work = data.text("workSet", "Work set", 1000, false);
        if (arrived != null && left != null && left.isBefore(arrived)) {
            data.reject("left", "Left must be at or after Arrived (" + arrived + ").");
        }
        if (left != null && arrived == null && !data.errors().containsKey("arrived")) {
            data.reject("arrived", "Arrived is needed when Left is given.");
        }
        data.throwIfInvalid();
        removal.registered(arrived, left, work, viewer.userId(), clock.instant());
        return removal;
    }

    /** The removal, if the viewer may read it; otherwise the same 404 as one that does not exist. */
    @Transactional(readOnly = true)
    public Removal byId(Long id, Viewer viewer) {
        return policy.require(viewer, removals.findById(id).orElseThrow(() -> new NotFoundException("Nothing was found there.")),
                Removal::classification);
    }

    /** The student's removals since the start of the current term (the last that has begun), newest first, as the viewer may read them. */
    @Transactional(readOnly = true)
    public List<Removal> thisTerm(Long studentId, Viewer viewer) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = termDates.calendar().termBegunBy(today).map(SchoolCalendar.Term::startsOn).orElse(today.minusWeeks(14));
        List<Removal> found = removals.findByStudentIdAndRemovedAtGreaterThanEqualOrderByRemovedAtDesc(studentId,
                start.atStartOfDay(zone()).toInstant());
        return policy.readable(viewer, found, Removal::classification);
    }

    public String studentName(Long studentId) {
        return students.findById(studentId).map(s -> s.displayName() + " (" + s.yearAndGroup() + ")").orElse("");
    }

    static LocalTime time(FormData data, String field, String label, boolean required) {
        String v = required ? data.required(field, label) : data.optional(field);
        if (v == null) {
            return null;
        }
        try {
            return LocalTime.parse(v).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException e) {
            data.reject(field, label + " must be a time like 10:15.");
            return null;
        }
    }
}
