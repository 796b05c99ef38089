package org.pastoralflow.staff;

import org.pastoralflow.security.SignInLimits;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.StaffDirectory;
import org.pastoralflow.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is in which group, changed only here (the webapps refuse it). An administrator changes
 * every group but {@code dsl} at once. The DSL group reads every safeguarding record, so a change
 * to it takes two people (KCSIE Part two: the governing body appoints the DSL from the leadership
 * team; the role is not whoever keeps the accounts' to give): an administrator proposes adding or removing
 * someone, and a member of {@code dsl} other than that person and the proposer confirms or
 * refuses. Each step is audited (record type {@code group-membership}). The one way into an
 * empty DSL group is the start-up setting {@code pastoral.initial-dsl} ({@link #firstDsl}).
 */
@Service
public class GroupChanges {

    private static final Logger log = LoggerFactory.getLogger(GroupChanges.class);

    static final String RECORD_TYPE = "group-membership";
    /** The groups an administrator changes at once: all but dsl. */
    static final List<Group> DIRECT = Arrays.stream(Group.values()).filter(g -> g != Group.DSL).toList();

    private final GroupChangeRepository changes;
    private final StaffDirectory directory;
    private final AuditLog audit;
    private final Notifier notifier;

    private final SignInLimits signIn;
    private final Clock clock;

    GroupChanges(GroupChangeRepository changes, StaffDirectory directory, AuditLog audit, Notifier notifier, SignInLimits signIn,
                 Clock clock) {
        this.signIn = signIn;
        this.clock = clock;
        this.changes = changes;
        this.directory = directory;
        this.audit = audit;
        this.notifier = notifier;
    }

    /**
     * Sets someone's groups other than dsl to {@code wanted}, each addition and removal audited.
     * Returns what changed ("added to hoy"). Refuses group ids it does not know, dsl (which has its
     * own way), and taking the last administrator out of {@code admin}.
     */
    @Transactional
    public List<String> setGroups(String userId, Set<String> wanted, Viewer admin) {
        mustExist(userId);
        for (String id : wanted) {
            if (Group.DSL.id().equals(id)) {
                throw InvalidFormException.of("groups", "The DSL group is not changed here: propose the change below, and a DSL confirms it.");
            }
            if (Group.byId(id).isEmpty()) {
                throw InvalidFormException.of("groups", "\"" + id + "\" is not one of the groups.");
            }
        }
        Set<String> current = directory.groupsOf(userId);
        if (current.contains(Group.ADMIN.id()) && !wanted.contains(Group.ADMIN.id())
                && directory.membersOf(Group.ADMIN.id()).equals(List.of(userId))) {
            throw InvalidFormException.of("groups", directory.displayName(userId)
                    + " is the only administrator. Make someone else an administrator first.");
        }
        List<String> done = new ArrayList<>();
        for (Group g : DIRECT) {
            boolean in = current.contains(g.id());
            boolean want = wanted.contains(g.id());
            if (want && !in) {
                directory.addToGroup(userId, g.id());
                done.add("added to " + g.id());
            } else if (!want && in) {
                directory.removeFromGroup(userId, g.id());
                done.add("removed from " + g.id());
            }
        }
        done.forEach(what -> audit.record(admin.userId(), "CHANGE", RECORD_TYPE, null, null, userId + ": " + what));
        return done;
    }

    /** An administrator proposes adding someone to dsl or taking them out; the DSLs are e-mailed. */
    @Transactional
    public GroupChange propose(String userId, GroupChange.Kind kind, Viewer admin) {
        mustExist(userId);
        boolean isDsl = directory.groupsOf(userId).contains(Group.DSL.id());
        String name = directory.displayName(userId);
        if (kind == GroupChange.Kind.ADD && isDsl) {
            throw InvalidFormException.of("change", name + " is already in the DSL group.");
        }
        if (kind == GroupChange.Kind.REMOVE && !isDsl) {
            throw InvalidFormException.of("change", name + " is not in the DSL group.");
        }
        if (changes.findByStatusAndUserIdAndGroupId(GroupChange.Status.PENDING, userId, Group.DSL.id()).isPresent()) {
            throw InvalidFormException.of("change", "A change to " + name + "'s place in the DSL group is already waiting for a DSL.");
        }
        GroupChange change = changes.save(new GroupChange(userId, Group.DSL.id(), kind, admin.userId(), clock.instant()));
        audit.record(admin.userId(), "PROPOSE", RECORD_TYPE, change.getId(), null,
                userId + ": " + kind.name().toLowerCase() + " dsl, waiting for a DSL");
        // names a member of staff, never a child: fine for an e-mail
        notifier.toGroups(List.of(Group.DSL.id()), "A change to the DSL group is waiting for you",
                directory.displayName(admin.userId()) + " has proposed " + change.describe(name) + ". It takes effect when a DSL "
                        + "other than " + name + " confirms it. If you do not know why, refuse it and ask.", "/dsl-group", null);
        return change;
    }

    /** A DSL other than the person concerned and the proposer confirms: the membership changes now. */
    @Transactional
    public GroupChange confirm(Long id, Viewer dsl) {
        GroupChange change = decidable(id, dsl);
        Set<String> groups = directory.groupsOf(change.getUserId());
        if (change.getKind() == GroupChange.Kind.ADD && !groups.contains(change.getGroupId())) {
            directory.addToGroup(change.getUserId(), change.getGroupId());
        } else if (change.getKind() == GroupChange.Kind.REMOVE && groups.contains(change.getGroupId())) {
            directory.removeFromGroup(change.getUserId(), change.getGroupId());
        }
        change.decide(GroupChange.Status.CONFIRMED, dsl.userId(), clock.instant());
        audit.record(dsl.userId(), "CONFIRM", RECORD_TYPE, change.getId(), null, change.getUserId() + ": "
                + change.getKind().name().toLowerCase() + " dsl, proposed by " + change.getProposedBy());
        return change;
    }

    @Transactional
    public GroupChange refuse(Long id, Viewer dsl) {
        GroupChange change = decidable(id, dsl);
        change.decide(GroupChange.Status.REFUSED, dsl.userId(), clock.instant());
        audit.record(dsl.userId(), "REFUSE", RECORD_TYPE, change.getId(), null, change.getUserId() + ": "
                + change.getKind().name().toLowerCase() + " dsl, proposed by " + change.getProposedBy());
        return change;
    }

    /**
     * The initial set-up's way into an empty DSL group: at start-up, {@code pastoral.initial-dsl}
     * names an existing account, which joins dsl only if nobody is in it. Whoever sets it runs the
     * server and its database, so it gives them nothing they did not have.
     */
    @Transactional
    public void firstDsl(String userId) {
        if (!directory.membersOf(Group.DSL.id()).isEmpty()) {
            log.info("pastoral.initial-dsl is set but the DSL group has members: nothing changed; remove the setting");
            return;
        }
        if (!directory.userExists(userId)) {
            log.warn("pastoral.initial-dsl names '{}', who has no account: create it in Camunda Admin and start again", userId);
            return;
        }
        directory.addToGroup(userId, Group.DSL.id());
        audit.record("start-up", "CHANGE", RECORD_TYPE, null, null,
                userId + ": added to dsl by the setting pastoral.initial-dsl (the DSL group was empty)");
        log.info("Added '{}' to the empty DSL group (pastoral.initial-dsl); remove the setting", userId);
    }

    /** After too many wrong passwords the login is locked for a while; an administrator can end that early. */
    @Transactional
    public void unlock(String userId, Viewer admin) {
        mustExist(userId);
        signIn.unlock(userId);
        audit.record(admin.userId(), "UNLOCK", RECORD_TYPE, null, null, userId + ": account unlocked");
    }

    @Transactional(readOnly = true)
    public List<GroupChange> waiting() {
        return changes.findByStatusOrderByProposedAtAsc(GroupChange.Status.PENDING);
    }

    @Transactional(readOnly = true)
    public List<GroupChange> recentlyDecided() {
        return changes.findTop20ByStatusNotOrderByDecidedAtDesc(GroupChange.Status.PENDING);
    }

    /** Why this DSL may not decide this change, or null when they may. */
    public String whyNot(GroupChange change, Viewer dsl) {
        if (change.getUserId().equals(dsl.userId())) {
            return "It is about you: another DSL decides it.";
        }
        if (change.getProposedBy().equals(dsl.userId())) {
            return "You proposed it: another DSL decides it.";
        }
        return null;
    }

    private GroupChange decidable(Long id, Viewer dsl) {
        GroupChange change = changes.lockById(id).orElseThrow(() -> new NotFoundException("No change " + id));
        if (!directory.groupsOf(dsl.userId()).contains(Group.DSL.id())) {
            throw new NotFoundException("Only a DSL decides a change to the DSL group");
        }
        if (!change.isPending()) {
            throw InvalidFormException.of("change-" + id, "This change has already been "
                    + change.getStatus().name().toLowerCase() + " by " + directory.displayName(change.getDecidedBy()) + ".");
        }
        String why = whyNot(change, dsl);
        if (why != null) {
            throw InvalidFormException.of("change-" + id, why);
        }
        return change;
    }

    private void mustExist(String userId) {
        if (userId == null || !directory.userExists(userId)) {
            throw new NotFoundException("No account " + userId);
        }
    }
}
