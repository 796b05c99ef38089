package org.pastoralflow.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs staff in against the engine's identity store, so the application, the API and the
 * Camunda webapps share one set of users and groups. Failed attempts are limited by
 * {@link SignInLimits}, per login and per client address, for the pages and the API alike; the
 * engine's own lock, which never ends by itself, is switched off (docs/adr/0011).
 */
@Component
public class StaffAuthenticationProvider implements AuthenticationProvider {

    static final String WRONG = "Wrong username or password";
    /** Longer than any login the engine accepts; such a "name" is not looked up at all. */
    static final int LONGEST_USER_ID = 64;

    private final StaffDirectory directory;
    private final SignInLimits limits;

    public StaffAuthenticationProvider(StaffDirectory directory, SignInLimits limits) {
        this.directory = directory;
        this.limits = limits;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException(WRONG);
        }
        String address = clientAddress(authentication);
        if (!couldBeAUser(userId)) {
            limits.failed(null, address);
            throw new BadCredentialsException(WRONG);
        }
        // the same answer for a locked login as for a wrong password, so a refusal does not say the name is real
        if (limits.refusal(userId, address).isPresent()) {
            throw new LockedException(WRONG);
        }
        if (!directory.checkPassword(userId, credentials.toString())) {
            limits.failed(directory.userExists(userId) ? userId : null, address);
            throw new BadCredentialsException(WRONG);
        }
        limits.succeeded(userId);
        Set<String> groups = directory.groupsOf(userId);
        StaffPrincipal principal = new StaffPrincipal(userId, directory.displayName(userId), groups);
        List<SimpleGrantedAuthority> authorities = groups.stream()
                .map(g -> new SimpleGrantedAuthority("ROLE_" + g))
                .collect(Collectors.toList());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    /**
     * The client's address as the servlet container reports it: behind a proxy, the address from
     * X-Forwarded-For only when server.forward-headers-strategy says to trust it (operations.md, HTTPS).
     */
    static String clientAddress(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        return address.length() > 64 ? address.substring(0, 64) : address;
    }

    /** Control characters (a NUL breaks a PostgreSQL query) or an endless name cannot be anybody's login. */
    static boolean couldBeAUser(String userId) {
        return userId.length() <= LONGEST_USER_ID && userId.chars().noneMatch(Character::isISOControl);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
