package org.pastoralflow.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.family.FamilyContact;
import org.pastoralflow.family.FamilyContacts;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.security.YearGroupScope;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.References;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending a letter or e-mail home from a template, and the reads for pages. Whom a letter may go to
 * is family.FamilyContacts' rule (never a restricted contact; an address only where it may be
 * disclosed), narrowed here to contacts with parental responsibility: a letter home names the child
 * and what the school thinks of them. The text sent is the text logged: one string, made once, goes
 * into the letter row, the chronology entry and the outbox.
 */
@Service
public class Letters {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final int NOTE_MAX = 2000;

    /** Someone a letter may go to, and by which channels. */
    public record Recipient(FamilyContact contact, String email, String address) {

        public boolean byEmail() {
            return email != null;
        }

        public boolean byPost() {
            return address != null;
        }
    }

    private final LetterRepository letters;
    private final LetterTemplates templates;
    private final StudentRepository students;
    private final FamilyContacts contacts;
    private final CaseStore caseStore;
    private final Notifier notifier;
    private final AccessPolicy policy;
    private final YearGroupScope yearGroups;
    private final References references;
    private final List<LetterFigures> figures;
    private final Clock clock;
    private final String schoolName;
    private final org.pastoralflow.audit.AuditLog audit;

    Letters(LetterRepository letters, LetterTemplates templates, StudentRepository students, FamilyContacts contacts,
            CaseStore caseStore, Notifier notifier, AccessPolicy policy, YearGroupScope yearGroups, References references,
            List<LetterFigures> figures, Clock clock, @Value("${pastoral.school-name:the school}") String schoolName,
            org.pastoralflow.audit.AuditLog audit) {
        this.audit = audit;
        this.letters = letters;
        this.templates = templates;
        this.students = students;
        this.contacts = contacts;
        this.caseStore = caseStore;
        this.notifier = notifier;
        this.policy = policy;
        this.yearGroups = yearGroups;
        this.references = references;
        this.figures = figures;
        this.clock = clock;
        this.schoolName = schoolName;
    }

    /** The student, if the viewer works with their year (403 otherwise, as on the student page). */
    @Transactional(readOnly = true)
    public Student student(Long studentId, Viewer viewer) {
        Student s = students.findById(studentId).orElseThrow(() -> new NotFoundException("No such student"));
        yearGroups.check(s.getYearGroup(), viewer);
        return s;
    }

    /**
     * Whom a letter about the student may go to: contacts the school may contact, with parental
     * responsibility, and an e-mail address or an address that may be disclosed. A restricted
     * contact is never among them.
     */
    @Transactional(readOnly = true)
    public List<Recipient> recipients(Long studentId) {
        return contacts.contactable(studentId).stream()
                .filter(c -> Boolean.TRUE.equals(c.getParentalResponsibility()))
                .map(c -> new Recipient(c, c.getEmail() == null || c.getEmail().isBlank() ? null : c.getEmail(),
                        contacts.disclosableAddress(c.getId()).orElse(null)))
                .filter(r -> r.byEmail() || r.byPost()).toList();
    }

    /**
     * Sends a letter: the chosen template's current version merged for the student and contact, kept
     * with the exact text, logged in the chronology with that text, and for an e-mail queued in the
     * outbox to go after commit. Everything is checked before anything is written.
     */
    @Transactional
    public Letter send(Long studentId, FormData data, Viewer viewer) {
        Student student = student(studentId, viewer);
        Map<String, TemplateVersion> byNo = new LinkedHashMap<>();
        templates.current().forEach(t -> byNo.put(String.valueOf(t.getTemplateNo()), t));
        String templateNo = data.oneOf("template", "Template", byNo.keySet());
        String contactId = data.required("contact", "To");
        String how = data.oneOf("channel", "How", List.of("email", "post"));
        String note = data.text("note", "A paragraph for this letter", NOTE_MAX, false);
        Recipient to = recipient(student, contactId, data, viewer);
        Letter.Channel channel = how == null ? null : Letter.Channel.valueOf(how.toUpperCase());
        if (to != null && channel == Letter.Channel.EMAIL && !to.byEmail()) {
            data.reject("channel", to.contact().name() + " has no e-mail address in the MIS: send a letter for the post.");
        } else if (to != null && channel == Letter.Channel.POST && !to.byPost()) {
            data.reject("channel", to.contact().name() + " has no address the school may put on a letter: send an e-mail.");
        }
        TemplateVersion template = templateNo == null ? null : byNo.get(templateNo);
        if (template != null) {
            // saved before a field was taken off the list: refused rather than sent with the field as typed
            MergeFields.check(template.getSubject() + "\n" + template.getBody(), "template", "Template", data);
        }
        data.throwIfInvalid();

        Map<String, String> values = values(student, to, note, viewer);
        String subject = MergeFields.merge(template.getSubject(), values);
        String body = MergeFields.merge(template.getBody(), values);
        String address = channel == Letter.Channel.EMAIL ? to.email() : to.address();
        Letter letter = letters.save(new Letter(references.next("LH", "letter_number_seq"), student.getId(), to.contact().getId(),
                to.contact().nameAndRelationship(), channel, address, template.getId(), subject, body, viewer.userId(), clock.instant()));
        caseStore.record(NewEntry.now(student.getId(), EntryKind.CONTACT_HOME, Confidentiality.PASTORAL, viewer.userId(),
                (channel == Letter.Channel.EMAIL ? "E-mail" : "Letter") + " home to " + to.contact().nameAndRelationship() + ": "
                        + subject + " (" + letter.getReference() + ")", body, Letter.RECORD_TYPE, letter.getId()));
        if (channel == Letter.Channel.EMAIL) {
            letter.queued(notifier.toFamily(to.email(), subject, body));
        }
        return letter;
    }

    /** The contact chosen, if a letter may go to them; the field rejected (and why, for a restricted one) otherwise. */
    private Recipient recipient(Student student, String contactId, FormData data, Viewer viewer) {
        if (contactId == null) {
            return null;
        }
        Long id;
        try {
            id = Long.valueOf(contactId);
        } catch (NumberFormatException e) {
            data.reject("contact", "To must be one of the student's parents or carers listed.");
            return null;
        }
        Optional<Recipient> r = recipients(student.getId()).stream().filter(x -> x.contact().getId().equals(id)).findFirst();
        if (r.isEmpty()) {
            Optional<FamilyContacts.ContactCard> card = contacts.card(id, viewer)
                    .filter(c -> c.contact().getStudentId().equals(student.getId()));
            data.reject("contact", card.map(c -> !c.mayContact()
                    ? c.contact().name() + " must not be contacted (" + String.join("; ", c.restrictions()) + "): nothing is sent to them. Speak to the DSL."
                    : !Boolean.TRUE.equals(c.contact().getParentalResponsibility())
                    ? c.contact().name() + " has no parental responsibility recorded: letters home go to a parent or carer who has it."
                    : c.contact().name() + " has no e-mail address, and no address the school may put on a letter.")
                    .orElse("To must be one of the student's parents or carers listed."));
        }
        return r.orElse(null);
    }

    /**
     * A template's preview with a real student: the merge fields' values for the student with this
     * UPN, if the viewer may read a letter about them (the access policy decides, as for a letter sent),
     * with the first parent or carer a letter may go to (the sample parent when there is none). Empty
     * when there is no such student or the viewer may not read about them: both answered alike. The
     * preview is audited, as it shows the student's details.
     */
    @Transactional // writes the audit row
    public Optional<Map<String, String>> previewValues(String upn, Long templateNo, Map<String, String> sample, Viewer viewer) {
        Optional<Student> found = students.findByUpn(upn.toUpperCase(Locale.ROOT)).filter(st -> policy.mayRead(viewer,
                org.pastoralflow.security.Classification.of(Letter.RECORD_TYPE, null, Confidentiality.PASTORAL, st.getId())));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Student student = found.get();
        List<Recipient> to = recipients(student.getId());
        // the sample parent stands in when the student has nobody a letter may go to
        Map<String, String> values = new HashMap<>(sample);
        values.putAll(values(student, to.isEmpty() ? null : to.get(0), sample.get("letter.note"), viewer));
        audit.record(viewer.userId(), "VIEW", "letter-template", templateNo, student.getId(), "template preview with the student's details");
        return Optional.of(values);
    }

    /** The merge fields' values for this student and contact. */
    Map<String, String> values(Student student, Recipient to, String note, Viewer viewer) {
        Map<String, String> v = new HashMap<>();
        String first = student.getPreferredForename() == null || student.getPreferredForename().isBlank()
                ? student.getLegalForename() : student.getPreferredForename();
        v.put("student.firstName", first);
        v.put("student.lastName", student.getLegalSurname());
        v.put("student.fullName", student.displayName());
        v.put("student.yearGroup", "Year " + student.getYearGroup());
        v.put("student.tutorGroup", student.getRegGroup() == null ? "" : student.getRegGroup());
        if (to != null) {
            v.put("contact.name", to.contact().name());
            v.put("contact.relationship", to.contact().getRelationship());
            v.put("contact.address", to.address() == null ? "" : to.address());
        }
        v.put("school.name", schoolName);
        v.put("today", DAY.format(LocalDate.now(clock)));
        v.put("sender.name", viewer.displayName());
        v.put("letter.note", note == null ? "" : note);
        figures.forEach(f -> f.figures(student.getId()).forEach((k, value) -> {
            if (MergeFields.BY_KEY.containsKey(k)) {
                v.put(k, value);
            }
        }));
        return v;
    }

    /** The letter, if the viewer may read it; otherwise the same 404 as one that does not exist. */
    @Transactional(readOnly = true)
    public Letter byReference(String reference, Viewer viewer) {
        return policy.require(viewer, letters.findByReference(reference).orElseThrow(() -> new NotFoundException("Nothing was found there.")),
                Letter::classification);
    }

    /** The student's twenty latest letters the viewer may read. */
    @Transactional(readOnly = true)
    public List<Letter> recent(Long studentId, Viewer viewer) {
        return policy.readable(viewer, letters.findTop20ByStudentIdOrderBySentAtDescIdDesc(studentId), Letter::classification);
    }

    /** Whether the e-mail went, for the letter's page: "" for a letter for the post. */
    public String emailStatus(Letter letter) {
        return letter.getNotificationId() == null ? "" : notifier.status(letter.getNotificationId());
    }

    public String studentName(Long studentId) {
        return students.findById(studentId).map(s -> s.displayName() + " (" + s.yearAndGroup() + ")").orElse("");
    }

    public String schoolName() {
        return schoolName;
    }

    public String day(Letter letter) {
        return DAY.format(letter.getSentAt().atZone(clock.getZone()).toLocalDate());
    }
}
