package org.pastoralflow.agencymeeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.pastoralflow.family.FamilyContact;
import org.pastoralflow.family.FamilyContacts;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.Processes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to a series' planned meeting, and moving that meeting. Each e-mail goes through the
 * outbox and is kept, word for word, on the series' record. What an e-mail may say is decided here
 * once: the day, time and place and the child's initials; the kind of meeting
 * only when the series is not safeguarding (a child protection conference named in an e-mail says too
 * much); never the purpose, the minutes, why a meeting moved, or the series' reference (for a
 * safeguarding series, itself the DSL's alone). Parents and carers are offered from
 * family.FamilyContacts (never one the school may not contact), and asked again before every e-mail.
 */
@Service
public class MeetingInvitations {

    static final int ROWS = 6;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    private final AgencyMeetings reads;
    private final MeetingNoticeRepository notices;
    private final FamilyContacts contacts;
    private final Notifier notifier;
    private final Processes processes;
    private final Clock clock;
    private final String schoolName;

    MeetingInvitations(AgencyMeetings reads, MeetingNoticeRepository notices, FamilyContacts contacts, Notifier notifier,
                       Processes processes, Clock clock, @Value("${pastoral.school-name:the school}") String schoolName) {
        this.reads = reads;
        this.notices = notices;
        this.contacts = contacts;
        this.notifier = notifier;
        this.processes = processes;
        this.clock = clock;
        this.schoolName = schoolName;
    }

    /** The student's parents and carers an invitation may go to: contactable, with an e-mail address. */
    public List<FamilyContact> invitableParents(Long studentId) {
        return contacts.contactable(studentId).stream().filter(c -> c.getEmail() != null && !c.getEmail().isBlank()).toList();
    }

    /** The e-mails sent about the series' meetings, oldest first: read only after the series itself was found readable. */
    public List<MeetingNotice> noticesOf(MeetingSeries s) {
        return notices.findBySeriesIdOrderBySentAtAscIdAsc(s.getId());
    }

    /**
     * Invites people to the planned meeting: the time and place (set by the first invitation; later
     * ones use them), the student's parents and carers ticked, and up to six professionals (name,
     * agency, e-mail). Every row is checked before anything is written or sent.
     */
    @Transactional
    public List<MeetingNotice> invite(String reference, FormData data, Viewer viewer) {
        MeetingSeries s = reads.readable(reference, viewer);
        reads.requireKeeper(s, viewer);
        LocalTime time = s.getNextMeetingTime();
        String place = s.getNextMeetingPlace();
        if (time == null) {
            time = time(data, "time", "Time", true);
            place = data.text("place", "Where", 300, true);
        }
        List<MeetingNotice.Invitee> invitees = new ArrayList<>(parents(s, data));
        for (int n = 1; n <= ROWS; n++) {
            String name = data.text("invitee" + n + "Name", "Name (row " + n + ")", 200, false);
            String agency = data.text("invitee" + n + "Agency", "Agency or role (row " + n + ")", 200, false);
            String email = data.text("invitee" + n + "Email", "E-mail (row " + n + ")", 320, false);
            if (name == null && agency == null && email == null) {
                continue;
            }
            if (name == null) {
                data.reject("invitee" + n + "Name", "Row " + n + ": give the person's name.");
            }
            if (email == null || !EMAIL.matcher(email).matches()) {
                data.reject("invitee" + n + "Email", "Row " + n + ": give an e-mail address like name@example.org.");
            }
            invitees.add(new MeetingNotice.Invitee(name, agency, email, null));
        }
        if (!s.isOpen() || s.getNextMeetingOn() == null) {
            data.reject("invitee1Name", "This series has ended: there is no meeting to invite anyone to.");
        } else if (s.getNextMeetingOn().isBefore(LocalDate.now(clock))) {
            data.reject("invitee1Name", "The planned meeting's day has passed: record it, or move it to a new date first.");
        }
        if (invitees.isEmpty() && !data.hasErrors()) {
            data.reject("invitee1Name", "Tick a parent or carer, or give at least one person to invite.");
        }
        data.throwIfInvalid();
        s.planned(time, place);
        List<MeetingNotice> sent = new ArrayList<>();
        for (MeetingNotice.Invitee to : invitees) {
            sent.add(send(s, MeetingNotice.Kind.INVITATION, to, "Invitation: a meeting on " + DAY.format(s.getNextMeetingOn()),
                    invitation(s, to), viewer));
        }
        reads.record(s, viewer.userId(), "Invitations sent to the meeting on " + DAY.format(s.getNextMeetingOn()) + " at "
                + TIME.format(time) + " (" + s.getReference() + ")", "Where: " + place + "\nInvited: " + names(invitees));
        return sent;
    }

    /**
     * Moves the planned meeting to a new day (and time or place) for a reason: the model's wait starts
     * again from the new date (a message caught while waiting, or by "Record the meeting" when the day
     * has come), and everyone invited to it is told again.
     */
    @Transactional
    public List<MeetingNotice> rearrange(String reference, FormData data, Viewer viewer) {
        MeetingSeries s = reads.readable(reference, viewer);
        reads.requireKeeper(s, viewer);
        LocalDate day = data.date("movedTo", "New date", true);
        LocalTime time = time(data, "movedTime", "New time", false);
        String place = data.text("movedPlace", "Where (if it changes)", 300, false);
        String why = data.text("movedWhy", "Why it moved", 5000, true);
        if (!s.isOpen() || s.getNextMeetingOn() == null) {
            data.reject("movedTo", "This series has ended: there is no meeting to move.");
        } else if (day != null && day.isBefore(LocalDate.now(clock))) {
            data.reject("movedTo", "The new date cannot be in the past.");
        } else if (day != null && day.isAfter(LocalDate.now(clock).plusYears(1))) {
            data.reject("movedTo", "Give a date within the next year.");
        } else if (day != null && day.equals(s.getNextMeetingOn()) && (time == null || time.equals(s.getNextMeetingTime()))
                && (place == null || place.equals(s.getNextMeetingPlace()))) {
            data.reject("movedTo", "That is when and where it is already planned.");
        }
        data.throwIfInvalid();
        LocalDate was = s.getNextMeetingOn();
        LocalTime wasTime = s.getNextMeetingTime();
        s.moved(day, time != null ? time : wasTime, place != null ? place : s.getNextMeetingPlace());
        int meetingNo = meetingNo(s);
        Map<String, MeetingNotice.Invitee> invited = new LinkedHashMap<>();
        notices.findBySeriesIdAndMeetingNoOrderByIdAsc(s.getId(), meetingNo)
                .forEach(n -> invited.putIfAbsent(n.getToEmail().toLowerCase(Locale.ROOT), n.invitee()));
        List<MeetingNotice> sent = new ArrayList<>();
        List<String> notTold = new ArrayList<>();
        for (MeetingNotice.Invitee to : invited.values()) {
            if (to.familyContactId() != null && !contacts.mayContact(to.familyContactId())) {
                notTold.add(to.name());
                continue;
            }
            sent.add(send(s, MeetingNotice.Kind.MOVED, to, "Meeting moved: now " + DAY.format(day), moved(s, was, wasTime, to), viewer));
        }
        reads.record(s, viewer.userId(), "Meeting of " + DAY.format(was) + " moved to " + when(s) + " (" + s.getReference() + ")",
                AgencyMeetings.joined("Why: ", why, "Told again: ", names(invited.values().stream()
                                .filter(i -> !notTold.contains(i.name())).toList()),
                        "Not told (may no longer be contacted): ", String.join(", ", notTold)));
        processes.correlate(AgencyMeetingProcess.MESSAGE_MOVED, s.getProcessInstanceId(), Map.of(), Map.of());
        return sent;
    }

    private List<MeetingNotice.Invitee> parents(MeetingSeries s, FormData data) {
        String ticked = data.optional("parents");
        if (ticked == null || ticked.isBlank()) {
            return List.of();
        }
        Map<String, FamilyContact> offered = new LinkedHashMap<>();
        invitableParents(s.getStudentId()).forEach(c -> offered.put(String.valueOf(c.getId()), c));
        List<MeetingNotice.Invitee> out = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(List.of(ticked.split(",")))) {
            FamilyContact c = offered.get(id.strip());
            if (c == null) {
                // never sent to someone not offered: a restricted contact, another student's, or no e-mail address
                data.reject("parents", "Parents and carers: choose from those listed.");
                return List.of();
            }
            out.add(new MeetingNotice.Invitee(c.name(), c.getRelationship(), c.getEmail(), c.getId()));
        }
        return out;
    }

    private MeetingNotice send(MeetingSeries s, MeetingNotice.Kind kind, MeetingNotice.Invitee to, String subject, String body,
                               Viewer viewer) {
        MeetingNotice n = notices.save(new MeetingNotice(s, meetingNo(s), kind, to, subject, body, viewer.userId(), clock.instant()));
        n.queued(notifier.toOutside(to.email(), subject, body));
        return n;
    }

    private int meetingNo(MeetingSeries s) {
        return reads.meetingsOf(s).size() + 1;
    }

    /** What an invitation says. */
    String invitation(MeetingSeries s, MeetingNotice.Invitee to) {
        return "Dear " + to.name() + ",\n\nYou are invited to " + what(s) + " about " + initials(reads.studentOf(s.getStudentId()))
                + ", at " + schoolName + "'s invitation.\n\nWhen: " + when(s) + "\nWhere: " + s.getNextMeetingPlace()
                + "\n\n" + footer(s);
    }

    /** What "the meeting has moved" says: never why. */
    String moved(MeetingSeries s, LocalDate was, LocalTime wasTime, MeetingNotice.Invitee to) {
        return "Dear " + to.name() + ",\n\nThe meeting about " + initials(reads.studentOf(s.getStudentId())) + " planned for "
                + DAY.format(was) + (wasTime == null ? "" : " at " + TIME.format(wasTime)) + " has moved.\n\nNow: " + when(s)
                + "\nWhere: " + s.getNextMeetingPlace() + "\n\n" + footer(s);
    }

    private String footer(MeetingSeries s) {
        return "Please reply to say whether you can come." + (s.getConfidentiality() == Confidentiality.SAFEGUARDING
                ? " Nothing about the child's circumstances is sent by e-mail: the papers are shared securely." : "")
                + "\n\n" + schoolName;
    }

    /** The kind of meeting, unless naming it would say the child is in need or on a protection plan. */
    private String what(MeetingSeries s) {
        return s.getConfidentiality() == Confidentiality.SAFEGUARDING ? "a multi-agency meeting"
                : "a meeting (" + reads.kindName(s) + ")";
    }

    private static String when(MeetingSeries s) {
        return DAY.format(s.getNextMeetingOn()) + (s.getNextMeetingTime() == null ? "" : " at " + TIME.format(s.getNextMeetingTime()));
    }

    /** The child as an e-mail names them: initials only, such as "A.B.". */
    static String initials(Student st) {
        String first = st.getPreferredForename() == null || st.getPreferredForename().isBlank() ? st.getLegalForename()
                : st.getPreferredForename();
        return initial(first) + initial(st.getLegalSurname());
    }

    private static String initial(String name) {
        return name == null || name.isBlank() ? "" : name.strip().substring(0, 1).toUpperCase(Locale.UK) + ".";
    }

    private static String names(java.util.Collection<MeetingNotice.Invitee> invitees) {
        return String.join(", ", invitees.stream().map(i -> i.name() + (i.agency() == null ? "" : " (" + i.agency() + ")")
                + " <" + i.email() + ">").toList());
    }

    private static LocalTime time(FormData data, String field, String label, boolean required) {
        String v = data.text(field, label, 5, required);
        if (v == null) {
            return null;
        }
        if (!HH_MM.matcher(v).matches()) {
            data.reject(field, label + " must be a time like 15:30.");
            return null;
        }
        return LocalTime.parse(v);
    }
}
