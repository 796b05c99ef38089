package org.pastoralflow.family;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.forms.Coded;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.security.YearGroupScope;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact log: recording a contact with home (and its chronology entry, at the level its writer
 * chose), starting the follow-up task when a date is given, recording the follow-up done, and the
 * reads for pages. Every read goes through the access policy.
 */
@Service
public class ContactLog {

    /** How far ahead of the clock a contact may be dated (a watch a minute fast), as with removals. */
    static final long FUTURE_SLACK_MINUTES = 5;
    /** A follow-up further off than this is a plan, not a follow-up. */
    static final int FOLLOW_UP_MOST_DAYS = 366;
    /** The follow-up task is due at the end of the follow-up day's school day. */
    static final LocalTime FOLLOW_UP_DUE_AT = LocalTime.of(17, 0);
    public static final String SOMEONE_ELSE = "other";

    private final ContactLogRepository log;
    private final StudentRepository students;
    private final FamilyContacts contacts;
    private final CaseStore caseStore;
    private final AccessPolicy policy;
    private final YearGroupScope yearGroups;
    private final Processes processes;
    private final References references;
    private final Clock clock;

    ContactLog(ContactLogRepository log, StudentRepository students, FamilyContacts contacts, CaseStore caseStore, AccessPolicy policy,
               YearGroupScope yearGroups, Processes processes, References references, Clock clock) {
        this.log = log;
        this.students = students;
        this.contacts = contacts;
        this.caseStore = caseStore;
        this.policy = policy;
        this.yearGroups = yearGroups;
        this.processes = processes;
        this.references = references;
        this.clock = clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
    }

    /** The student, if the viewer works with their year (403 otherwise, as on the student page). */
    @Transactional(readOnly = true)
    public Student student(Long studentId, Viewer viewer) {
        Student s = students.findById(studentId).orElseThrow(() -> new NotFoundException("No such student"));
        yearGroups.check(s.getYearGroup(), viewer);
        return s;
    }

    /** The levels a writer may choose: those they read, so nobody writes what they then cannot see. */
    public static Map<String, String> levelsFor(Viewer viewer) {
        Map<String, String> levels = new java.util.LinkedHashMap<>();
        CaseStore.readable(viewer).forEach(c -> levels.put(c.label(), c.label()));
        return levels;
    }

    /**
     * Records a contact with home and its chronology entry, and starts the follow-up task when a date
     * is given. Everything is checked before anything is written; a contact the school must not
     * contact is refused for anything but a call they made to the school.
     */
    @Transactional
    public ContactLogEntry record(Long studentId, FormData data, Viewer viewer) {
        Student student = student(studentId, viewer);
        String method = data.oneOf("method", "How", Coded.options(ContactMethod.class).keySet());
        String who = data.required("contact", "With whom");
        LocalDate day = data.date("day", "Date", true);
        LocalTime time = time(data, "time", "Time");
        String said = data.text("said", "What was said", 4000, true);
        String agreed = data.text("agreed", "Agreed actions", 2000, false);
        String level = data.oneOf("confidentiality", "Confidentiality", levelsFor(viewer).keySet());
        LocalDate followUp = data.date("followUpOn", "Follow up by", false);
        String withWhom = withWhom(student, who, method == null ? null : Coded.of(ContactMethod.class, method), data, viewer);
        Instant at = null;
        if (day != null && time != null) {
            at = LocalDateTime.of(day, time).atZone(zone()).toInstant();
            if (at.isAfter(clock.instant().plus(FUTURE_SLACK_MINUTES, ChronoUnit.MINUTES))) {
                data.reject("time", "The contact cannot be in the future: give the date and time it happened.");
            }
        }
        LocalDate today = LocalDate.now(clock);
        if (followUp != null && followUp.isBefore(today)) {
            data.reject("followUpOn", "Follow up by cannot be in the past.");
        } else if (followUp != null && followUp.isAfter(today.plusDays(FOLLOW_UP_MOST_DAYS))) {
            data.reject("followUpOn", "Follow up by must be within a year.");
        }
        data.throwIfInvalid();

        ContactMethod how = Coded.of(ContactMethod.class, method);
        Confidentiality confidentiality = Confidentiality.valueOf(level.toUpperCase());
        ContactLogEntry entry = log.save(new ContactLogEntry(references.next("CH", "contact_log_number_seq"), student.getId(), how, at,
                withWhom, said, agreed, confidentiality, followUp, viewer.userId(), clock.instant()));
        caseStore.record(new NewEntry(student.getId(), EntryKind.CONTACT_HOME, confidentiality, at, viewer.userId(),
                how.label() + " with " + withWhom, said + (agreed == null ? "" : "\nAgreed: " + agreed)
                        + (followUp == null ? "" : "\nFollow up by " + FormatDay.of(followUp) + "."),
                ContactLogEntry.RECORD_TYPE, entry.getId()));
        if (followUp != null) {
            Map<String, Object> vars = new HashMap<>();
            vars.put(ContactFollowUpProcess.CONTACT_LOG_ID, entry.getId());
            vars.put(ContactFollowUpProcess.STUDENT_ID, student.getId());
            vars.put(ContactFollowUpProcess.REFERENCE, entry.getReference());
            vars.put(ContactFollowUpProcess.LOGGED_BY, viewer.userId());
            vars.put(ContactFollowUpProcess.DUE, Date.from(followUp.atTime(FOLLOW_UP_DUE_AT).atZone(zone()).toInstant()));
            entry.followUpStarted(processes.start(ContactFollowUpProcess.KEY, entry.getReference(), vars));
        }
        return entry;
    }

    /** Whom the contact was with, in words; a restricted contact refused on the field for anything the school did. */
    private String withWhom(Student student, String who, ContactMethod how, FormData data, Viewer viewer) {
        // read whatever was chosen, so that text the form refuses is refused here too
        String typed = data.text("withWhom", "Name and relationship", 200, false);
        if (who == null) {
            return null;
        }
        if (SOMEONE_ELSE.equals(who)) {
            if (typed == null && !data.errors().containsKey("withWhom")) {
                data.reject("withWhom", "Name and relationship is required when the contact was with someone else.");
            }
            return typed;
        }
        Long id;
        try {
            id = Long.valueOf(who);
        } catch (NumberFormatException e) {
            data.reject("contact", "With whom must be one of the student's contacts, or someone else.");
            return null;
        }
        FamilyContacts.ContactCard card = contacts.card(id, viewer).filter(c -> c.contact().getStudentId().equals(student.getId()))
                .orElse(null);
        if (card == null) {
            data.reject("contact", "With whom must be one of the student's contacts, or someone else.");
            return null;
        }
        if (!card.mayContact() && how != null && how.fromSchool()) {
            data.reject("contact", card.contact().name() + " must not be contacted (" + String.join("; ", card.restrictions())
                    + "): only a call they made to the school can be logged with them. Speak to the DSL.");
            return null;
        }
        return card.contact().nameAndRelationship();
    }

    /** The contact, if the viewer may read it; otherwise the same 404 as one that does not exist. */
    @Transactional(readOnly = true)
    public ContactLogEntry byReference(String reference, Viewer viewer) {
        return policy.require(viewer, log.findByReference(reference).orElseThrow(() -> new NotFoundException("Nothing was found there.")),
                ContactLogEntry::classification);
    }

    /** For the follow-up task's form, which the inbox has already let the viewer open. */
    @Transactional(readOnly = true)
    public ContactLogEntry forTask(String reference) {
        return log.findByReference(reference).orElseThrow(() -> new NotFoundException("Nothing was found there."));
    }

    /** The student's ten latest logged contacts the viewer may read. */
    @Transactional(readOnly = true)
    public List<ContactLogEntry> recent(Long studentId, Viewer viewer) {
        return policy.readable(viewer, log.findTop10ByStudentIdOrderByOccurredAtDescIdDesc(studentId), ContactLogEntry::classification);
    }

    /** "My follow-ups": the viewer's own contacts with a follow-up not yet done, soonest first. */
    @Transactional(readOnly = true)
    public List<ContactLogEntry> followUpsOf(Viewer viewer) {
        return policy.readable(viewer, log.findByLoggedByAndFollowUpOnNotNullAndFollowUpDoneAtIsNullOrderByFollowUpOnAscIdAsc(
                viewer.userId()), ContactLogEntry::classification);
    }

    /** What the follow-up task's form writes: the note, and a chronology entry at the contact's level. */
    @Transactional
    public void followedUp(ContactLogEntry entry, LocalDate on, String note, Viewer viewer) {
        ContactLogEntry e = log.findById(entry.getId()).orElseThrow();
        e.followedUp(note, clock.instant());
        caseStore.record(new NewEntry(e.getStudentId(), EntryKind.CONTACT_HOME, e.getConfidentiality(),
                on.equals(LocalDate.now(clock)) ? null : on.atTime(12, 0).atZone(zone()).toInstant(), viewer.userId(),
                "Follow-up of " + e.getReference() + " (" + e.methodLabel().toLowerCase() + " with " + e.getWithWhom() + ") done",
                note, ContactLogEntry.RECORD_TYPE, e.getId()));
    }

    public String studentName(Long studentId) {
        return students.findById(studentId).map(s -> s.displayName() + " (" + s.yearAndGroup() + ")").orElse("");
    }

    static LocalTime time(FormData data, String field, String label) {
        String v = data.required(field, label);
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

    /** Dates in the chronology's words, 4 December 2026. */
    static final class FormatDay {
        private static final java.time.format.DateTimeFormatter DAY =
                java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

        static String of(LocalDate d) {
            return DAY.format(d);
        }
    }
}
