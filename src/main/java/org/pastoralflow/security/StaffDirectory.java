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

    void createUser(String id, String firstName, String lastName, String email, String password, List<String> groupIds);

    /** Everyone with an account, by id, with their groups. */
    List<Person> everyone();

    void addToGroup(String userId, String groupId);

    void removeFromGroup(String userId, String groupId);

    /** Lets someone sign in again after too many wrong passwords locked their account. */
    void unlock(String userId);
}
