package org.pastoralflow.security.webapps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.security.FreshGroups;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.StaffDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The second of the three filter chains ({@code SecurityConfig} has the others): Cockpit, Admin
 * and Tasklist under {@code /camunda}, for administrators only, signed in once for the application
 * and the webapps. On top of the engine's authorizations ({@link AdminGrants}), some changes are
 * refused here, before the webapps see them: deployments, group membership (changed only on the
 * application's own staff page, where the DSL group needs a DSL's confirmation), the engine's
 * authorizations, its first-run set-up and its own login form, and any change to the account of a
 * member of {@code dsl} (a reset password would let an administrator sign in as a DSL). Every
 * request that is not a plain read is audited ({@link WebappChangesAudit}), queries that filter
 * or sort by a variable are refused ({@link VariableQueries}), and business keys (records'
 * references) are neither answered nor queried ({@link BusinessKeysHidden}).
 *
 * <p>{@code pastoral.camunda-webapps.enabled: false} turns all of it off: the starter registers no
 * servlet or filter (application.yml ties {@code camunda.bpm.webapp.enabled} to the setting) and
 * {@code /camunda/**} answers 404 to everyone.
 */
@Configuration
class WebappsSecurity {

    static final String SETTING = "pastoral.camunda-webapps.enabled";
    static final String ENGINE = "/camunda/api/engine/engine/{engine}";

    static final String REFUSED = "Pastoral Flow does not allow this in the Camunda webapps. Group membership is changed on "
            + "the application's staff page (Administration, Staff and their groups), models by a release of the application, "
            + "and the account of a DSL only after they have left the DSL group. See docs/security.md, \"The Camunda webapps\".";

    @Bean
    @Order(2)
    @ConditionalOnProperty(name = SETTING, havingValue = "true", matchIfMissing = true)
    SecurityFilterChain camundaWebapps(HttpSecurity http, StaffDirectory directory, AuditLog audit) throws Exception {
        AuthorizationManager<RequestAuthorizationContext> administrator = AuthorityAuthorizationManager.hasRole(Group.ADMIN.id());
        // the webapps are served by their own servlets, not by Spring MVC: match on the raw path
        http.securityMatcher(path("/camunda/**"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(path(HttpMethod.POST, ENGINE + "/deployment/create"),
                                path(HttpMethod.POST, ENGINE + "/deployment/{id}/redeploy"),
                                changes(ENGINE + "/group/**"),
                                changes(ENGINE + "/authorization/**"),
                                changes(ENGINE + "/tenant/**"),
                                path("/camunda/api/admin/setup/**"),
                                path(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/login/**")).denyAll()
                        .requestMatchers(changes(ENGINE + "/user/{userId}/**"))
                        .access(AuthorizationManagers.allOf(administrator, notTheAccountOfADsl(directory)))
                        .anyRequest().hasRole(Group.ADMIN.id()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                        .accessDeniedHandler((request, response, denied) -> refuse(response)))
                .addFilterBefore(new FreshGroups(directory), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new WebappChangesAudit(audit), ExceptionTranslationFilter.class)
                .addFilterAfter(new VariableQueries(), AuthorizationFilter.class)
                .addFilterAfter(new BusinessKeysHidden(), VariableQueries.class)
                // the webapps send their own CSRF token (X-XSRF-TOKEN), checked by Camunda's
                // CsrfPreventionFilter, and set their own security headers
                .csrf(c -> c.disable())
                .headers(h -> h.disable());
        return http.build();
    }

    /** One login for the app and the webapps: Cockpit and Admin trust the Spring Security user. */
    @Bean
    @ConditionalOnProperty(name = SETTING, havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>();
        registration.setFilter(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", CamundaWebappAuthentication.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** With the webapps off nothing is served under /camunda: the same 404 for everyone, signed in or not. */
    @Bean
    @Order(2)
    @ConditionalOnProperty(name = SETTING, havingValue = "false")
    SecurityFilterChain camundaWebappsOff(HttpSecurity http) throws Exception {
        http.securityMatcher(path("/camunda/**"))
                .authorizeHttpRequests(a -> a.anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, unknown) -> response.sendError(404))
                        .accessDeniedHandler((request, response, denied) -> response.sendError(404)))
                .csrf(c -> c.disable());
        return http.build();
    }

    /** Passes unless the account in the path is a member of dsl now. */
    private static AuthorizationManager<RequestAuthorizationContext> notTheAccountOfADsl(StaffDirectory directory) {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationDecision check(Supplier<Authentication> who, RequestAuthorizationContext request) {
                String userId = request.getVariables().get("userId");
                return new AuthorizationDecision(userId == null || !directory.groupsOf(userId).contains(Group.DSL.id()));
            }
        };
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\""
                + REFUSED.replace("\"", "\\\"") + "\"}");
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    /** Any request to these paths that could change something (every method but GET, HEAD and OPTIONS), with the path's variables. */
    private static RequestMatcher changes(String pattern) {
        RequestMatcher any = path(pattern);
        return new RequestMatcher() {
            @Override
            public boolean matches(HttpServletRequest request) {
                return !isRead(request.getMethod()) && any.matches(request);
            }

            @Override
            public MatchResult matcher(HttpServletRequest request) {
                return isRead(request.getMethod()) ? MatchResult.notMatch() : any.matcher(request);
            }
        };
    }

    static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
