package org.pastoralflow.workflow;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.pastoralflow.security.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * The identity bridge: staff and their groups live in the engine's identity store, so that
 * candidate groups, Cockpit and Admin see the same people as the application.
 */
@Component
public class EngineStaffDirectory implements StaffDirectory {

    private final IdentityService identity;

    public EngineStaffDirectory(IdentityService identity) {
        this.identity = identity;
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
    public String displayName(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? userId : name;
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
}
