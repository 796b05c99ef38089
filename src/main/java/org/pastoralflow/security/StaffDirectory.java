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

    boolean checkPassword(String userId, String password);

    Set<String> groupsOf(String userId);

    String displayName(String userId);

    /** E-mail addresses of everyone in the group, for urgent notifications. */
    List<String> emailsOf(String groupId);

    Optional<String> emailOf(String userId);

    List<String> membersOf(String groupId);

    boolean userExists(String userId);

    void ensureGroup(String id, String name);

    void createUser(String id, String firstName, String lastName, String email, String password, List<String> groupIds);
}
