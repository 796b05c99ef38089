package org.pastoralflow.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.pastoralflow.security.StaffDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.pastoralflow.security.WeakPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(EngineStaffDirectory.class);

    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final ProcessEngine engine;
    private final BcryptPasswords bcrypt;

    EngineStaffDirectory(IdentityService identity, JdbcTemplate jdbc, ProcessEngine engine, BcryptPasswords bcrypt) {
        this.identity = identity;
        this.jdbc = jdbc;
        this.engine = engine;
        this.bcrypt = bcrypt;
    }

    /**
     * The engine's check, whose own lock is switched off (login-max-attempts, login-delay-max-time in
     * application.yml; the application limits attempts, see docs/adr/0011). A name that does not
     * exist costs the same bcrypt check, so the time taken does not tell which names are staff.
     */
    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || password == null || password.isEmpty()) {
            return false;
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            bcrypt.checkNobody(password);
            return false;
        }
        if (!identity.checkPassword(userId, password)) {
            return false;
        }
        if (!BcryptPasswords.isBcrypt(user.getPassword())) {
            storeAsBcrypt(userId, password);
        }
        return true;
    }

    /**
     * Re-stores a password the user has just proved they know under bcrypt. It is their existing
     * password, not a new one, so the policy (for new passwords) is not applied: refusing would lock
     * them out. A sign-in at the same moment may have done it first; then this one gives way.
     */
    private void storeAsBcrypt(String userId, String password) {
        try {
            User fresh = identity.createUserQuery().userId(userId).singleResult();
            fresh.setPassword(password);
            ((IdentityServiceImpl) identity).saveUser(fresh, true);
            log.info("Password of {} re-stored as bcrypt", userId);
        } catch (ProcessEngineException e) {
            log.warn("Password of {} not re-stored as bcrypt this time: {}", userId, e.getMessage());
        }
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
        User user = newUser(id, firstName, lastName, email, password);
        List<String> problems = passwordProblems(user, password);
        if (!problems.isEmpty()) {
            throw new WeakPasswordException(problems);
        }
        identity.saveUser(user);
        groupIds.forEach(g -> identity.createMembership(id, g));
    }

    @Override
    public void createDemoUser(String id, String firstName, String lastName, String email, String password,
                               List<String> groupIds) {
        ((IdentityServiceImpl) identity).saveUser(newUser(id, firstName, lastName, email, password), true);
        groupIds.forEach(g -> identity.createMembership(id, g));
    }

    private User newUser(String id, String firstName, String lastName, String email, String password) {
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(password);
        return user;
    }

    @Override
    public List<String> passwordProblems(String userId, String password) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return passwordProblems(user != null ? user : identity.newUser(userId), password);
    }

    /** The engine's password policy (enable-password-policy: the built-in one), its rules in words. */
    private List<String> passwordProblems(User user, String password) {
        if (password == null || password.isEmpty()) {
            return List.of("a password");
        }
        return identity.checkPasswordAgainstPolicy(password, user).getViolatedRules().stream()
                .map(EngineStaffDirectory::inWords).toList();
    }

    static String inWords(PasswordPolicyRule rule) {
        Map<String, String> p = rule.getParameters() == null ? Map.of() : rule.getParameters();
        return switch (rule.getPlaceholder()) {
            case "PASSWORD_POLICY_LENGTH" -> "at least " + p.getOrDefault("minLength", "10") + " characters";
            case "PASSWORD_POLICY_LOWERCASE" -> "a small letter";
            case "PASSWORD_POLICY_UPPERCASE" -> "a capital letter";
            case "PASSWORD_POLICY_DIGIT" -> "a digit";
            case "PASSWORD_POLICY_SPECIAL" -> "a character that is not a letter or a digit, such as ! or -";
            case "PASSWORD_POLICY_USER_DATA" -> "not to contain the user's id, name or e-mail address";
            default -> rule.getPlaceholder();
        };
    }

    @Override
    public List<String> usersWithPassword(String password, Collection<String> alsoCheck) {
        PasswordManager passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
        return identity.createUserQuery().list().stream()
                .filter(u -> u.getPassword() != null && (!BcryptPasswords.isBcrypt(u.getPassword()) || alsoCheck.contains(u.getId())))
                .filter(u -> passwords.check(EncryptionUtil.saltPassword(password, ((UserEntity) u).getSalt()), u.getPassword()))
                .map(User::getId).sorted().toList();
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

}
