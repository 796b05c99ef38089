package org.pastoralflow.intervention;

import org.pastoralflow.measure.Scale;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.StudentPicker;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the group forms write: a new group, a member added, a session's register (each member's line in
 * their chronology, never the group's notes) and the entry and exit scores. Each checks the whole form
 * before writing anything; a group or member the viewer may not read is not found ({@link GroupReads}).
 */
@Service
public class GroupRecords {

    /** Where a member came from (issue 17): a support plan, a referral's support decision, the early-intervention list, by hand. */
    public static final Map<String, String> SOURCES = Map.of("plan", "Support plan", "referral", "Referral's support decision",
            "early-intervention", "Early-intervention list", "hand", "Added by hand");

    private final GroupRepository groups;
    private final GroupMemberRepository members;
    private final GroupSessionRepository sessions;
    private final SessionMarkRepository marks;
    private final GroupReads reads;
    private final Catalogue catalogue;
    private final StudentPicker picker;
    private final CaseStore caseStore;
    private final Clock clock;

    GroupRecords(GroupRepository groups, GroupMemberRepository members, GroupSessionRepository sessions, SessionMarkRepository marks,
                 GroupReads reads, Catalogue catalogue, StudentPicker picker, CaseStore caseStore,
                 Clock clock) {
        this.groups = groups;
        this.members = members;
        this.sessions = sessions;
        this.marks = marks;
        this.reads = reads;
        this.catalogue = catalogue;
        this.picker = picker;
        this.caseStore = caseStore;
        this.clock = clock;
    }

    /** Who may run groups: the caseworkers who support students (not SLT, who read the figures). */
    public static boolean mayRun(Viewer viewer) {
        return viewer.inAny(Group.PSO, Group.HOY, Group.SENCO, Group.DSL, Group.PASTORAL_LEAD);
    }

    @Transactional
    public InterventionGroup create(FormData data, Viewer viewer) {
        requireRunner(viewer);
        Long interventionId = null;
        String chosen = data.required("intervention", "Intervention");
        Intervention intervention = chosen == null ? null : catalogue.active().stream()
                .filter(i -> i.getId().toString().equals(chosen)).findFirst().orElse(null);
        if (chosen != null && intervention == null) {
            data.reject("intervention", "Intervention must be one of the catalogue's.");
        } else if (intervention != null) {
            interventionId = intervention.getId();
        }
        String name = data.text("name", "Group name", 120, true);
        String staff = data.text("staff", "Staff running it", 200, true);
        LocalDate first = data.date("firstSession", "First session", true);
        LocalTime time = time(data, "startsAt", "Time");
        Integer count = data.integer("sessionCount", "Number of sessions", 1, 60, true);
        String level = data.oneOf("level", "Who may read it", List.of("pastoral", "send"));
        if ("send".equals(level) && !viewer.inAny(Group.SENCO, Group.DSL)) {
            data.reject("level", "Only the SENCO or a DSL runs a group as a SEND record.");
        }
        String notes = data.text("notes", "Notes for the group", 4000, false);
        data.throwIfInvalid();
        return groups.save(new InterventionGroup(interventionId, name, staff, time, first, count,
                "send".equals(level) ? Confidentiality.SEND : Confidentiality.PASTORAL, notes, viewer.userId(), clock.instant()));
    }

    /** Adds a student by UPN, with where they came from and (optionally) their entry score. */
    @Transactional
    public GroupMember addMember(Long groupId, FormData data, Viewer viewer) {
        requireRunner(viewer);
        InterventionGroup group = reads.group(groupId, viewer);
        Intervention intervention = catalogue.get(group.getInterventionId());
        Scale scale = catalogue.scaleOf(intervention);
        Student student = picker.one(data, "upn", viewer, null);
        String source = data.oneOf("source", "Where they came from", SOURCES.keySet());
        Integer entry = scale.score(data, "entryScore", "Entry score", false);
        if (student != null && members.existsByGroupIdAndStudentId(groupId, student.getId())) {
            data.reject("upn", student.displayName() + " is already in this group.");
        }
        if (intervention.isOneToOne() && !members.findByGroupIdOrderByIdAsc(groupId).isEmpty()) {
            data.reject("upn", intervention.getName() + " is 1:1: this run already has its student. Start another run for another student.");
        }
        data.throwIfInvalid();
        return members.save(new GroupMember(groupId, student.getId(), source, LocalDate.now(clock), entry, viewer.userId()));
    }

    /**
     * A session's register: {@code mark-<member>} PRESENT, ABSENT (with {@code reason-<member>}) or
     * WITHDRAWN (with a reason: the member leaves the group from that session). Only a scheduled session,
     * once, not on a day to come. Members the recorder may not read are not on their register.
     */
    @Transactional
    public GroupSession register(Long groupId, int number, FormData data, Viewer viewer) {
        requireRunner(viewer);
        InterventionGroup group = reads.group(groupId, viewer);
        Intervention intervention = catalogue.get(group.getInterventionId());
        LocalDate scheduled = group.scheduled(number);
        if (scheduled == null) {
            data.reject("session", "Session " + number + " is not scheduled: this group has sessions 1 to " + group.getSessionCount() + ".");
            data.throwIfInvalid();
        }
        if (sessions.findByGroupIdAndNumber(groupId, number).isPresent()) {
            data.reject("session", "The register for session " + number + " has been taken already.");
        }
        LocalDate heldOn = data.date("heldOn", "Held on", true);
        if (heldOn != null && heldOn.isAfter(LocalDate.now(clock))) {
            data.reject("heldOn", "Held on cannot be a day to come.");
        }
        String notes = data.text("notes", "Notes for the group", 2000, false);
        List<GroupMember> on = reads.registerOf(group, viewer);
        List<SessionMark> taken = new ArrayList<>();
        for (GroupMember m : on) {
            String field = "mark-" + m.getId();
            String mark = data.oneOf(field, "Mark for " + reads.studentName(m.getStudentId()),
                    List.of(SessionMark.PRESENT, SessionMark.ABSENT, SessionMark.WITHDRAWN));
            String reason = data.text("reason-" + m.getId(), "Reason", 200, false);
            if (mark != null && !mark.equals(SessionMark.PRESENT) && reason == null && !data.errors().containsKey("reason-" + m.getId())) {
                data.reject("reason-" + m.getId(), "Say why " + reads.studentName(m.getStudentId()) + " was "
                        + (mark.equals(SessionMark.ABSENT) ? "absent." : "withdrawn."));
            }
            taken.add(new SessionMark(null, m.getId(), mark, mark == null || mark.equals(SessionMark.PRESENT) ? null : reason));
        }
        data.throwIfInvalid();

        GroupSession session = sessions.save(new GroupSession(groupId, number, heldOn, notes, viewer.userId(), clock.instant()));
        for (int i = 0; i < on.size(); i++) {
            GroupMember m = on.get(i);
            SessionMark mark = taken.get(i);
            marks.save(new SessionMark(session.getId(), m.getId(), mark.getMark(), mark.getReason()));
            if (mark.getMark().equals(SessionMark.WITHDRAWN)) {
                m.withdraw(heldOn, mark.getReason());
            }
            String what = switch (mark.getMark()) {
                case SessionMark.PRESENT -> "present";
                case SessionMark.ABSENT -> "absent (" + mark.getReason() + ")";
                default -> "withdrawn from the group (" + mark.getReason() + ")";
            };
            caseStore.record(new NewEntry(m.getStudentId(), EntryKind.SESSION, group.getConfidentiality(),
                    heldOn.atTime(group.getStartsAt()).atZone(clock.getZone()).toInstant(), viewer.userId(),
                    intervention.getName() + ", " + group.getName() + ": session " + number + " of " + group.getSessionCount() + ", " + what,
                    null, InterventionGroup.RECORD_TYPE, groupId));
        }
        return session;
    }

    /** Entry and exit scores ({@code entry-<member>}, {@code exit-<member>}) on the intervention's scale; blank leaves none. */
    @Transactional
    public void scores(Long groupId, FormData data, Viewer viewer) {
        requireRunner(viewer);
        InterventionGroup group = reads.group(groupId, viewer);
        Scale scale = catalogue.scaleOf(catalogue.get(group.getInterventionId()));
        // only the members the form names: a form for some members leaves the others' scores as they are
        List<GroupMember> readable = reads.membersOf(group, viewer).stream()
                .filter(m -> data.values().containsKey("entry-" + m.getId()) || data.values().containsKey("exit-" + m.getId())).toList();
        List<Integer[]> given = new ArrayList<>();
        for (GroupMember m : readable) {
            String who = reads.studentName(m.getStudentId());
            Integer entry = scale.score(data, "entry-" + m.getId(), "Entry score for " + who, false);
            Integer exit = scale.score(data, "exit-" + m.getId(), "Exit score for " + who, false);
            if (exit != null && entry == null && !data.errors().containsKey("entry-" + m.getId())) {
                data.reject("entry-" + m.getId(), "An exit score needs the entry score for " + who + ".");
            }
            given.add(new Integer[] {entry, exit});
        }
        data.throwIfInvalid();
        for (int i = 0; i < readable.size(); i++) {
            readable.get(i).scores(given.get(i)[0], given.get(i)[1]);
        }
    }

    private static void requireRunner(Viewer viewer) {
        if (!mayRun(viewer)) {
            throw new org.pastoralflow.security.NotFoundException("Nothing was found there.");
        }
    }

    private static LocalTime time(FormData data, String field, String label) {
        String v = data.required(field, label);
        if (v == null) {
            return null;
        }
        try {
            return LocalTime.parse(v).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException e) {
            data.reject(field, label + " must be a time like 14:30.");
            return null;
        }
    }
}
