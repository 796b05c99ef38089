package org.pastoralflow.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.pastoralflow.security.StaffDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The identity bridge: staff and their groups live in the engine's identity store, so that
 * candidate groups, Cockpit and Admin see the same people as the application.
 */
@Component
public class EngineStaffDirectory implements StaffDirectory {

    /** The account and its memberships in one statement: an account with no group still answers one row. */
    static final String CURRENT_GROUPS = "select m.group_id_ from act_id_user u"
            + " left join act_id_membership m on m.user_id_ = u.id_ where u.id_ = ?";

    private final IdentityService identity;
    private final JdbcTemplate jdbc;

    public EngineStaffDirectory(IdentityService identity, JdbcTemplate jdbc) {
        this.identity = identity;
        this.jdbc = jdbc;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return identity.checkPassword(userId, password);
    }

    @Override
    public Set<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<Set<String>> currentGroups(String userId) {
        List<String> rows = jdbc.queryForList(CURRENT_GROUPS, String.class, userId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<String> groups = new HashSet<>(rows);
        groups.remove(null);
        return Optional.of(Set.copyOf(groups));
    }

    @Override
    public String displayName(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : nameOf(user);
    }

    private static String nameOf(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }

    /** E-mail addresses of everyone in the group, for urgent notifications. */
    @Override
    public List<String> emailsOf(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(User::getEmail).filter(e -> e != null && !e.isBlank()).toList();
    }

    @Override
    public java.util.Optional<String> emailOf(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null || user.getEmail() == null || user.getEmail().isBlank()
                ? java.util.Optional.empty() : java.util.Optional.of(user.getEmail());
    }

    @Override
    public List<String> membersOf(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
    }

    @Override
    public boolean userExists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    @Override
    public void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    @Override
    public void createUser(String id, String firstName, String lastName, String email, String password,
                           List<String> groupIds) {
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(password);
        identity.saveUser(user);
        groupIds.forEach(g -> identity.createMembership(id, g));
    }

    @Override
    public List<Person> everyone() {
        Map<String, Set<String>> groupsByUser = new HashMap<>();
        for (Group group : identity.createGroupQuery().list()) {
            identity.createUserQuery().memberOfGroup(group.getId()).list()
                    .forEach(u -> groupsByUser.computeIfAbsent(u.getId(), k -> new HashSet<>()).add(group.getId()));
        }
        List<Person> people = new ArrayList<>();
        for (User user : identity.createUserQuery().orderByUserId().asc().list()) {
            people.add(new Person(user.getId(), nameOf(user), Set.copyOf(groupsByUser.getOrDefault(user.getId(), Set.of()))));
        }
        return people;
    }

    @Override
    public void addToGroup(String userId, String groupId) {
        identity.createMembership(userId, groupId);
    }

    @Override
    public void removeFromGroup(String userId, String groupId) {
        identity.deleteMembership(userId, groupId);
    }

    @Override
    public void unlock(String userId) {
        identity.unlockUser(userId);
    }
}
