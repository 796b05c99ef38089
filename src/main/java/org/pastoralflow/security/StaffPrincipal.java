package org.pastoralflow.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What the session keeps about a signed-in member of staff. */
public record StaffPrincipal(String userId, String displayName, Set<String> groups) implements Principal, Serializable {

    @Override
    public String getName() {
        return userId;
    }

    public Viewer viewer() {
        return new Viewer(userId, displayName, groups);
    }

    /** The same person with the groups the directory holds now. */
    public StaffPrincipal withGroups(Set<String> current) {
        return new StaffPrincipal(userId, displayName, Set.copyOf(current));
    }

    /** Spring Security's roles: one per group, {@code ROLE_<group id>}. */
    public List<SimpleGrantedAuthority> authorities() {
        return groups.stream().sorted().map(g -> new SimpleGrantedAuthority("ROLE_" + g)).toList();
    }
}
