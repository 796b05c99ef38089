package org.pastoralflow.security;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A change of someone's groups takes effect on their next request, not their next sign-in: a DSL
 * taken out of the group cannot open a safeguarding record on their next page load, on whichever
 * node serves it. The session keeps the groups read at sign-in; this filter reads them again from
 * the directory on every request (one query) and, when they differ, puts the new groups in the
 * session, so the route rules and the {@link Viewer} both see them. An account that no longer
 * exists ends the session. The API needs none of this: it signs in on every call.
 *
 * <p>Not a bean: a {@code Filter} bean would be registered for every request outside the
 * security chains as well. {@code SecurityConfig} and the webapps' chain add it themselves.
 */
public class FreshGroups extends OncePerRequestFilter {

    /** Files that never depend on who is asking. */
    private static final String[] STATIC = {"/css/", "/js/", "/vendor/", "/favicon.ico"};

    private final StaffDirectory directory;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    // where Spring Security keeps the signed-in user of a page request (the session, in the database in production)
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    public FreshGroups(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : STATIC) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = holder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof StaffPrincipal principal) {
            Optional<Set<String>> now = directory.currentGroups(principal.userId());
            if (now.isEmpty()) {
                signOut(request);
            } else if (!now.get().equals(principal.groups())) {
                StaffPrincipal current = principal.withGroups(now.get());
                UsernamePasswordAuthenticationToken token =
                        UsernamePasswordAuthenticationToken.authenticated(current, null, current.authorities());
                token.setDetails(signedIn.getDetails());
                SecurityContext context = holder.createEmptyContext();
                context.setAuthentication(token);
                holder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private void signOut(HttpServletRequest request) {
        holder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
