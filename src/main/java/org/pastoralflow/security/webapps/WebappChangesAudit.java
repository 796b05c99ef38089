package org.pastoralflow.security.webapps;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.audit.AuditLog;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts every request to the webapps' REST API that is not a plain read into the audit trail
 * ({@code WEBAPP}, record type {@code camunda}): who, the method and path, and the answer, so a
 * refused attempt (adding someone to {@code dsl}, say) is on record as well as a retried job or a
 * new account. Bodies are not kept: a new account's body holds its password. Cockpit also asks
 * some of its questions by POST; they are recorded too, and say what was looked at.
 */
class WebappChangesAudit extends OncePerRequestFilter {

    static final String ACTION = "WEBAPP";
    static final String RECORD_TYPE = "camunda";
    private static final int DETAIL_LENGTH = 500;

    private final AuditLog audit;

    WebappChangesAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return WebappsSecurity.isRead(request.getMethod())
                || !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/camunda/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            if (who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                String detail = request.getMethod() + " " + path + " \u2192 " + response.getStatus();
                audit.record(who.getName(), ACTION, RECORD_TYPE, null, null,
                        detail.length() > DETAIL_LENGTH ? detail.substring(0, DETAIL_LENGTH) : detail);
            }
        }
    }
}
