package org.pastoralflow.intervention;

import org.pastoralflow.measure.Scale;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.StudentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups as the viewer may read them. A group is a record about all its members: readable at its level
 * by a caseworker who works with any member's year group. Inside it, each member's row (marks, scores)
 * is read through the policy on its own, so a Year 8 PSO sees the Year 8 members of a mixed group and
 * not the Year 9 ones, nor counts them.
 */
@Service
public class GroupReads {

    private final GroupRepository groups;
    private final GroupMemberRepository members;
    private final GroupSessionRepository sessions;
    private final SessionMarkRepository marks;
    private final Catalogue catalogue;
    private final StudentRepository students;
    private final AccessPolicy policy;

    GroupReads(GroupRepository groups, GroupMemberRepository members, GroupSessionRepository sessions, SessionMarkRepository marks,
               Catalogue catalogue, StudentRepository students, AccessPolicy policy) {
        this.groups = groups;
        this.members = members;
        this.sessions = sessions;
        this.marks = marks;
        this.catalogue = catalogue;
        this.students = students;
        this.policy = policy;
    }

    Classification classify(InterventionGroup g) {
        return new Classification(InterventionGroup.RECORD_TYPE, g.getId(), g.getConfidentiality(),
                members.findByGroupIdOrderByIdAsc(g.getId()).stream().map(GroupMember::getStudentId).toList());
    }

    /** The group, if the viewer may read it; otherwise the same 404 as a group that does not exist. */
    @Transactional(readOnly = true)
    public InterventionGroup group(Long id, Viewer viewer) {
        return policy.require(viewer, groups.findById(id).orElse(null), this::classify);
    }

    /** Every group the viewer may read, newest first. */
    @Transactional(readOnly = true)
    public List<InterventionGroup> groups(Viewer viewer) {
        AccessPolicy.Access access = policy.of(viewer);
        return groups.findAllByOrderByFirstSessionDesc().stream().filter(g -> access.mayRead(classify(g))).toList();
    }

    public List<GroupMember> membersOf(InterventionGroup g, Viewer viewer) {
        return policy.readable(viewer, members.findByGroupIdOrderByIdAsc(g.getId()), m -> m.classification(g.getConfidentiality()));
    }

    /** The members on a register now: those the viewer may read who have not withdrawn. */
    public List<GroupMember> registerOf(InterventionGroup g, Viewer viewer) {
        return membersOf(g, viewer).stream().filter(m -> !m.isWithdrawn()).toList();
    }

    public String studentName(Long studentId) {
        return students.findById(studentId).map(s -> s.displayName() + " (" + s.yearAndGroup() + ")").orElse("");
    }

    /** Everything the group page shows, as the viewer may read it. */
    public record GroupView(InterventionGroup group, Intervention intervention, Scale scale,
                            List<GroupMember> members, Map<Long, String> names, List<Slot> slots,
                            Map<Long, ImpactFigures> byMember, ImpactFigures total) {
    }

    /** A scheduled session: its number and date, and the session held, if it was. */
    public record Slot(int number, LocalDate scheduled, GroupSession held, Map<Long, SessionMark> marks) {
    }

    @Transactional(readOnly = true)
    public GroupView view(Long id, Viewer viewer) {
        InterventionGroup g = group(id, viewer);
        Intervention intervention = catalogue.get(g.getInterventionId());
        Scale scale = catalogue.scaleOf(intervention);
        List<GroupMember> readable = membersOf(g, viewer);
        Map<Long, String> names = new HashMap<>();
        students.findAllById(readable.stream().map(GroupMember::getStudentId).toList())
                .forEach(s -> names.put(s.getId(), s.displayName() + " (" + s.yearAndGroup() + ")"));
        Map<Integer, GroupSession> held = new HashMap<>();
        sessions.findByGroupIdOrderByNumberAsc(id).forEach(s -> held.put(s.getNumber(), s));
        Map<Long, Map<Long, SessionMark>> marksBySession = new HashMap<>();
        if (!held.isEmpty()) {
            marks.findBySessionIdIn(held.values().stream().map(GroupSession::getId).toList())
                    .forEach(m -> marksBySession.computeIfAbsent(m.getSessionId(), k -> new HashMap<>()).put(m.getMemberId(), m));
        }
        List<Slot> slots = new ArrayList<>();
        for (int n = 1; n <= g.getSessionCount(); n++) {
            GroupSession s = held.get(n);
            slots.add(new Slot(n, g.scheduled(n), s, s == null ? Map.of() : marksBySession.getOrDefault(s.getId(), Map.of())));
        }
        Map<Long, ImpactFigures> byMember = new LinkedHashMap<>();
        for (GroupMember m : readable) {
            int present = 0;
            int absent = 0;
            for (Slot slot : slots) {
                SessionMark mark = slot.marks().get(m.getId());
                if (mark != null) {
                    present += mark.getMark().equals(SessionMark.PRESENT) ? 1 : 0;
                    absent += mark.getMark().equals(SessionMark.ABSENT) ? 1 : 0;
                }
            }
            byMember.put(m.getId(), ImpactFigures.of(scale, m, present, absent));
        }
        return new GroupView(g, intervention, scale, readable, names, slots, byMember, ImpactFigures.sum(byMember.values()));
    }
}
