package org.pastoralflow.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/** What the session keeps about a signed-in member of staff. */
public record StaffPrincipal(String userId, String displayName, Set<String> groups) implements Principal, Serializable {

    @Override
    public String getName() {
        return userId;
    }

    public Viewer viewer() {
        return new Viewer(userId, displayName, groups);
    }
}
