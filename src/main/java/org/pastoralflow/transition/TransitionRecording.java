package org.pastoralflow.transition;

import org.pastoralflow.forms.Coded;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.referral.ReferralCategory;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.student.StudentRow;
import org.pastoralflow.workflow.Deadlines;
import org.pastoralflow.workflow.Processes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.pastoralflow.transition.Transitions.day;

/**
 * What staff record about an incoming student through the task forms and the transition page:
 * the primary's information, the child protection file, each milestone, transition-day attendance,
 * a concern, the tutor group. The model hears of it by message where it waits for it.
 */
@Service
public class TransitionRecording {

    public record PrimaryInformation(boolean received, LocalDate on, List<String> items, boolean anxiety, boolean youngCarer,
                                     boolean recommendsEnhanced, boolean cpFile, String notes, String medical, String send,
                                     String notComing) {
    }

    public record CpFileReceipt(boolean received, LocalDate receivedOn, String how, String from, boolean receiptConfirmed,
                                LocalDate reviewedOn, String review, String actions, String noFileReason) {
    }

    private final Transitions transitions;
    private final TransitionNotes notes;
    private final TransitionConcernRepository concerns;
    private final StudentRepository students;
    private final Processes processes;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final Clock clock;

    TransitionRecording(Transitions transitions, TransitionNotes notes, TransitionConcernRepository concerns,
                        StudentRepository students, Processes processes, Deadlines deadlines, AuditLog audit, Clock clock) {
        this.transitions = transitions;
        this.notes = notes;
        this.concerns = concerns;
        this.students = students;
        this.processes = processes;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void recordPrimaryInformation(Transition t, PrimaryInformation in, Viewer viewer) {
        Instant at = in.on() == null ? clock.instant() : in.on().atStartOfDay(clock.getZone()).toInstant();
        String from = transitions.schoolName(t);
        // the form asks these whether or not the information came, and the triage table reads them from here
        t.primarySaid(in.anxiety(), in.youngCarer(), in.recommendsEnhanced());
        if (in.received()) {
            transitions.milestone(t, Milestone.INFORMATION).done(in.on(), viewer.userId(), "Received " + day(in.on()) + ": "
                    + String.join(", ", in.items()));
            StringBuilder detail = new StringBuilder(in.notes());
            if (in.medical() != null) {
                detail.append("\n\nMedical needs: ").append(in.medical());
            }
            List<String> flags = new ArrayList<>();
            if (in.anxiety()) {
                flags.add("anxiety");
            }
            if (in.youngCarer()) {
                flags.add("young carer");
            }
            if (in.recommendsEnhanced()) {
                flags.add("the primary recommends an enhanced transition");
            }
            if (!flags.isEmpty()) {
                detail.append("\n\nThe primary flags: ").append(String.join(", ", flags)).append('.');
            }
            notes.note(t, Milestone.INFORMATION, EntryKind.NOTE, Confidentiality.PASTORAL, at, viewer.userId(),
                    "Transition information from " + from + " (" + String.join(", ", in.items()) + ")", detail.toString());
            if (in.send() != null) {
                notes.note(t, Milestone.INFORMATION, EntryKind.NOTE, Confidentiality.SEND, at, viewer.userId(),
                        "SEND information from " + from, in.send());
            }
        } else {
            transitions.milestone(t, Milestone.INFORMATION).done(LocalDate.now(clock), viewer.userId(), "Not coming: " + in.notComing());
            notes.note(t, Milestone.INFORMATION, EntryKind.NOTE, Confidentiality.PASTORAL, clock.instant(), viewer.userId(),
                    "No transition information will come from " + from, in.notComing());
        }
        if (in.cpFile() && !t.isCpFileExpected()) {
            notes.note(t, Milestone.CP_FILE, EntryKind.NOTE, Confidentiality.SAFEGUARDING, at, viewer.userId(),
                    from + " says it holds a child protection file for this child", null);
            expectCpFile(t, viewer.userId(), null);
        }
    }

    /**
     * A child protection file is expected (a CP plan on the allocation list, or the primary says so):
     * the DSL gets the task to confirm its receipt and review it, with the KCSIE deadline.
     */
    void expectCpFile(Transition t, String by, String why) {
        if (t.isCpFileExpected()) {
            return;
        }
        t.expectCpFile();
        LocalDate due = transitions.calendar().cpFileDue(t.getEntryYear(), LocalDate.now(clock));
        transitions.milestone(t, Milestone.CP_FILE).open(due);
        if (why != null) {
            notes.note(t, Milestone.CP_FILE, EntryKind.NOTE, Confidentiality.SAFEGUARDING, clock.instant(), by,
                    why + ": child protection file expected by " + day(due), null);
        }
        processes.correlate(TransitionProcess.MESSAGE_CP_FILE_EXPECTED, t.getProcessInstanceId(), Map.of(), Map.of());
    }

    @Transactional
    public void recordCpFile(Transition t, CpFileReceipt in, Viewer viewer) {
        TransitionMilestone m = transitions.milestone(t, Milestone.CP_FILE);
        if (in.received()) {
            m.done(in.reviewedOn(), viewer.userId(), "Received " + day(in.receivedOn()) + ", reviewed " + day(in.reviewedOn()));
            notes.note(t, Milestone.CP_FILE, EntryKind.NOTE, Confidentiality.SAFEGUARDING,
                    in.reviewedOn().atStartOfDay(clock.getZone()).toInstant(),
                    viewer.userId(), "Child protection file received " + day(in.receivedOn()) + " from " + in.from() + " (" + in.how()
                            + "), receipt confirmed to the primary, reviewed",
                    "Review: " + in.review() + (in.actions() == null ? "" : "\n\nActions: " + in.actions()));
        } else {
            m.done(LocalDate.now(clock), viewer.userId(), "No file exists");
            notes.note(t, Milestone.CP_FILE, EntryKind.NOTE, Confidentiality.SAFEGUARDING, clock.instant(), viewer.userId(),
                    "No child protection file exists after all", in.noFileReason());
        }
    }

    /** A milestone done through its task form, with what was recorded. */
    @Transactional
    public void recordMilestone(Transition t, Milestone milestone, LocalDate on, String outcome, EntryKind kind,
                                Confidentiality confidentiality, String summary, String detail, Viewer viewer) {
        transitions.milestone(t, milestone).done(on, viewer.userId(), outcome);
        notes.note(t, milestone, kind, confidentiality, on.atStartOfDay(clock.getZone()).toInstant(), viewer.userId(), summary, detail);
    }

    /**
     * The phase-transfer review of an incoming child's EHCP, as the SENCO recorded it on the SEN register
     * (send.TransferReviews): a SEND note on the transition record, read with the SENCO meeting.
     */
    @Transactional
    public void notePhaseTransferReview(Transition t, LocalDate on, String summary, String detail, Viewer viewer) {
        notes.note(t, Milestone.SENCO_MEETING, EntryKind.REVIEW, Confidentiality.SEND, on.atStartOfDay(clock.getZone()).toInstant(),
                viewer.userId(), summary, detail);
    }

    @Transactional
    public void recordCpFileAfterWithdrawal(Transition t, String whatWasDone, Viewer viewer) {
        notes.note(t, Milestone.CP_FILE, EntryKind.NOTE, Confidentiality.SAFEGUARDING, clock.instant(), viewer.userId(),
                "Place withdrawn: what was done about the child protection file", whatWasDone);
    }

    /**
     * Transition-day attendance for one student (from the register or their page): the model moves on,
     * to a follow-up when a day was missed. Refused when it has been recorded already or the student
     * is not waiting for it.
     */
    @Transactional
    public void recordTransitionDays(Transition given, List<String> missed, String notes, Viewer viewer) {
        Transition t = transitions.transition(given.getId());
        if (!t.isActive() || t.getDaysRecordedAt() != null) {
            throw InvalidFormException.of("days-" + t.getId(), t.displayName() + ": transition-day attendance is already recorded.");
        }
        TransitionCohort cohort = transitions.cohort(t.getEntryYear()).orElseThrow();
        t.daysRecorded(missed.isEmpty() ? null : String.join(", ", missed), clock.instant());
        TransitionMilestone m = transitions.milestone(t, Milestone.TRANSITION_DAYS);
        LocalDate today = LocalDate.now(clock);
        if (missed.isEmpty()) {
            m.done(today, viewer.userId(), "Attended");
        } else {
            m.progress(transitions.calendar().addSchoolDays(today, deadlines.schoolDaysFor("transition.missed-day")),
                    "Missed " + String.join(", ", missed) + ": follow-up due");
        }
        this.notes.note(t, Milestone.TRANSITION_DAYS, EntryKind.NOTE, Confidentiality.PASTORAL,
                (today.isBefore(cohort.getTransitionDayLast()) ? today : cohort.getTransitionDayLast())
                        .atStartOfDay(clock.getZone()).toInstant(),
                viewer.userId(), missed.isEmpty() ? "Attended the transition days" : "Missed the transition day(s): " + String.join(", ", missed),
                notes);
        processes.correlate(TransitionProcess.MESSAGE_DAYS_RECORDED, t.getProcessInstanceId(),
                Map.of(TransitionProcess.MISSED_TRANSITION_DAY, !missed.isEmpty()), Map.of());
    }

    @Transactional
    public void recordMissedDayFollowUp(Transition t, LocalDate on, String what, Viewer viewer) {
        TransitionMilestone m = transitions.milestone(t, Milestone.TRANSITION_DAYS);
        m.done(on, viewer.userId(), "Missed " + t.getDaysMissed() + "; followed up " + day(on));
        notes.note(t, Milestone.TRANSITION_DAYS, EntryKind.CONTACT_HOME, Confidentiality.PASTORAL,
                on.atStartOfDay(clock.getZone()).toInstant(), viewer.userId(), "Missed transition day followed up", what);
    }

    /** A concern about an incoming student: the model turns it into a referral at once, in this transaction. */
    @Transactional
    public TransitionConcern raiseConcern(Transition t, FormData data, Viewer viewer) {
        String category = data.oneOf("category", "Category", Coded.options(ReferralCategory.class).keySet());
        String description = data.text("description", "What you saw or heard", 20000, true);
        String childWords = data.text("childWords", "The child's own words", 20000, false);
        LocalDateTime when = data.dateTime("occurredAt", "When it happened");
        String location = data.text("location", "Where it happened", 200, false);
        boolean immediateRisk = data.flag("immediateRisk");
        if (when != null && when.atZone(clock.getZone()).toInstant().isAfter(clock.instant().plusSeconds(300))) {
            data.reject("occurredAt", "When it happened cannot be in the future.");
        }
        if (!t.isActive()) {
            data.reject("category", t.isWithdrawn()
                    ? "This transition has been withdrawn: tell the DSL in person, who will pass it to the child's new school."
                    : "This student is settled in Year 7: raise the concern from their student page.");
        }
        data.throwIfInvalid();
        return raiseConcern(t, category, description, childWords, when.atZone(clock.getZone()).toInstant(), location,
                immediateRisk, viewer.userId());
    }

    TransitionConcern raiseConcern(Transition t, String category, String description, String childWords, Instant occurredAt,
                                   String location, boolean immediateRisk, String by) {
        TransitionConcern c = concerns.save(new TransitionConcern(t.getId(), category, description, childWords, occurredAt,
                location, immediateRisk, by, clock.instant()));
        processes.correlate(TransitionProcess.MESSAGE_CONCERN, t.getProcessInstanceId(), Map.of(),
                Map.of(TransitionProcess.CONCERN_ID, c.getId()));
        return c;
    }

    @Transactional
    public void setTutorGroup(Transition given, FormData data, Viewer viewer) {
        Transition t = transitions.transition(given.getId());
        String group = data.text("tutorGroup", "Tutor group", 10, true);
        if (group != null && !group.matches("[A-Za-z0-9][A-Za-z0-9 -]*")) {
            data.reject("tutorGroup", "Tutor group: letters, digits, spaces or dashes, like 7A.");
        }
        if (t.isWithdrawn()) {
            data.reject("tutorGroup", "This transition has been withdrawn.");
        }
        data.throwIfInvalid();
        t.tutorGroup(group);
        if (t.getStudentId() != null) {
            Student s = students.findById(t.getStudentId()).orElseThrow();
            if (s.getYearGroup() >= 7) {
                s.updateFrom(new StudentRow(s.getUpn(), s.getLegalSurname(), s.getLegalForename(), s.getPreferredForename(),
                        s.getDateOfBirth(), s.getGender(), s.getYearGroup(), group, s.getSenStatus(), s.isEhcp(), s.isFsm(),
                        s.isEal(), s.isInCare(), s.isYoungCarer()), clock.instant());
            }
        }
        audit.record(viewer.userId(), "CHANGE", "transition", t.getId(), t.getStudentId(), "Tutor group of " + t.getReference()
                + ": " + group);
    }
}
