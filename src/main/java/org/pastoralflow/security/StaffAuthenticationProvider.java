package org.pastoralflow.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs staff in against the engine's identity store, so the application, the API and the
 * Camunda webapps share one set of users and groups. The engine counts failed attempts and
 * locks an account after too many (login throttling comes with it).
 */
@Component
public class StaffAuthenticationProvider implements AuthenticationProvider {

    private final StaffDirectory directory;

    public StaffAuthenticationProvider(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null
                || !directory.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Wrong username or password");
        }
        Set<String> groups = directory.groupsOf(userId);
        StaffPrincipal principal = new StaffPrincipal(userId, directory.displayName(userId), groups);
        List<SimpleGrantedAuthority> authorities = groups.stream()
                .map(g -> new SimpleGrantedAuthority("ROLE_" + g))
                .collect(Collectors.toList());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
