package org.pastoralflow.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Staff and their groups: who someone is, which groups decide what they may see, whom to e-mail.
 * Access control asks this; the engine's identity store answers it ({@code workflow.EngineStaffDirectory}),
 * so candidate groups, Cockpit and the application see the same people.
 */
public interface StaffDirectory {

    /** Someone with an account: id, name for pages, and the groups they are in. */
    record Person(String userId, String displayName, Set<String> groups) {
    }

    /**
     * Whether this is the user's password. A password stored under an older hash is re-stored as
     * bcrypt when it is right. Limits on failed attempts are the caller's job ({@link SignInLimits}).
     */
    boolean checkPassword(String userId, String password);

    Set<String> groupsOf(String userId);

    /**
     * The groups someone is in now, or empty when their account no longer exists: read on every
     * request of a signed-in person (FreshGroups), so it is one query.
     */
    Optional<Set<String>> currentGroups(String userId);

    String displayName(String userId);

    /** E-mail addresses of everyone in the group, for urgent notifications. */
    List<String> emailsOf(String groupId);

    Optional<String> emailOf(String userId);

    List<String> membersOf(String groupId);

    boolean userExists(String userId);

    void ensureGroup(String id, String name);

    /** A new member of staff; the password must meet the password policy, or {@link WeakPasswordException}. */
    void createUser(String id, String firstName, String lastName, String email, String password, List<String> groupIds);

    /** Everyone with an account, by id, with their groups. */
    List<Person> everyone();

    void addToGroup(String userId, String groupId);

    void removeFromGroup(String userId, String groupId);

    /**
     * A demo login: its password is set as given, not held to the password policy, which is for
     * real people's passwords. Only the demo school calls this.
     */
    void createDemoUser(String id, String firstName, String lastName, String email, String password, List<String> groupIds);

    /** What a password lacks under the password policy, in words for the person choosing it; empty when it is fine. */
    List<String> passwordProblems(String userId, String password);

    /**
     * The users whose password this still is, found without signing anyone in (nothing is counted,
     * locked or upgraded). Every user whose password was stored before bcrypt is checked (the old
     * hash is fast to test), and the users named in {@code alsoCheck} whatever their hash; a
     * password stored as bcrypt since then was set under the password policy.
     */
    List<String> usersWithPassword(String password, java.util.Collection<String> alsoCheck);
}
