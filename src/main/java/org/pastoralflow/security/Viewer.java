package org.pastoralflow.security;

import java.util.List;
import java.util.Set;

/**
 * The signed-in person as the application sees them: their id, a display name and the groups
 * that decide what they may see. Built from the Spring Security principal on every request.
 */
public record Viewer(String userId, String displayName, Set<String> groups) {

    public boolean in(Group group) {
        return groups.contains(group.id());
    }

    public boolean inAny(Group... candidates) {
        for (Group g : candidates) {
            if (in(g)) {
                return true;
            }
        }
        return false;
    }

    public boolean isCaseworker() {
        return inAny(Group.PSO, Group.HOY, Group.SENCO, Group.DSL, Group.PASTORAL_LEAD, Group.SLT);
    }

    public List<String> groupList() {
        return List.copyOf(groups);
    }
}
