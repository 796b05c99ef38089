package org.pastoralflow.security.webapps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps a workflow's business key (the record's reference, e.g. the incident I26-00038) out of what
 * the webapps' REST API answers an administrator ({@link VariableQueries} refuses queries by it). An administrator sees
 * that an instance of a model is waiting at a step, with its incidents and jobs, and can retry a
 * failed job; with a reference they could tell that a safeguarding incident, a DSL's referral or a
 * leaver's child protection file exists and which one — the records they may not read (the canary
 * test checks this). The instance id, which names nothing, is enough to operate; a DSL finds the
 * record from it in the application.
 */
class BusinessKeysHidden extends OncePerRequestFilter {

    static final Pattern KEY_IN_JSON = Pattern.compile("\"(\\w*[bB]usinessKey\\w*)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/camunda/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        String type = captured.getContentType();
        byte[] body = captured.getContentAsByteArray();
        if (type != null && type.contains("json") && body.length > 0) {
            String json = new String(body, StandardCharsets.UTF_8);
            String hidden = KEY_IN_JSON.matcher(json).replaceAll("\"$1\":null");
            if (!hidden.equals(json)) {
                captured.resetBuffer();
                byte[] out = hidden.getBytes(StandardCharsets.UTF_8);
                captured.getOutputStream().write(out);
            }
        }
        captured.copyBodyToResponse();
    }
}
