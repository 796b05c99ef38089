package org.pastoralflow.security.webapps;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses a webapp query that filters or sorts by a variable. Reading a process instance is allowed
 * (Cockpit shows where each workflow stands, its incidents and jobs), reading its variables is not,
 * but "every instance whose {@code cpPlan} is true" would answer the second question through the
 * first: the engine checks who may read an instance, not what its filter asks. So any query string
 * parameter or JSON field whose name contains "variable" ({@code variables}, {@code processVariables},
 * {@code sorting[].parameters.variable}, {@code withVariablesInReturn}, ...) with a value is
 * answered 403 before the webapps see it. Reading variables themselves is refused by the engine. A
 * query by business key (a record's reference: "is there an instance for I26-00038?") is refused
 * the same way; {@link BusinessKeysHidden} keeps business keys out of the answers.
 */
class VariableQueries extends OncePerRequestFilter {

    /** Larger than any query Cockpit sends; a body above it is refused rather than read into memory. */
    static final int MAX_BODY = 1024 * 1024;
    static final String REFUSED = "Queries on workflow variables or business keys are refused in the Camunda webapps: they can "
            + "carry facts about a child or the reference of a record. See docs/security.md, \"The Camunda webapps\".";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/camunda/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null) {
            for (Map.Entry<String, List<String>> p : UriComponentsBuilder.fromUriString("?" + query).build().getQueryParams().entrySet()) {
                if (namesAVariable(p.getKey()) && p.getValue().stream().anyMatch(v -> v != null && !v.isEmpty())) {
                    refuse(response);
                    return;
                }
            }
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        if (body.length > 0) {
            try {
                if (asksAboutAVariable(JSON.readTree(body))) {
                    refuse(response);
                    return;
                }
            } catch (JsonProcessingException notJson) {
                // not ours to answer: the webapps reply 400 to a body they cannot read
            }
        }
        chain.doFilter(new Replayed(request, body), response);
    }

    /** True when some field named like a variable, at any depth, has a value. */
    static boolean asksAboutAVariable(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (namesAVariable(field.getKey()) && hasValue(field.getValue())) {
                    return true;
                }
                if (asksAboutAVariable(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (asksAboutAVariable(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean namesAVariable(String name) {
        return name.toLowerCase(Locale.ROOT).contains("variable") || name.toLowerCase(java.util.Locale.ROOT).contains("businesskey");
    }

    /** An empty list or object, null, false or "" asks nothing ({@code "variables": []} filters nothing). */
    private static boolean hasValue(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isContainerNode()) {
            return !value.isEmpty();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return !value.asText().isEmpty();
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\""
                + REFUSED.replace("\"", "\\\"") + "\"}");
    }

    /** The request with its body read once here and given again to the webapps. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("read synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
