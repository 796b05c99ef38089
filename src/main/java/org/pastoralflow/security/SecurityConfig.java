package org.pastoralflow.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Three filter chains, one per kind of client:
 * the JSON API (HTTP basic, stateless), the Camunda webapps (administrators only, the
 * webapps' own CSRF filter; in {@code security.webapps.WebappsSecurity}) and the application's
 * pages (form login, CSRF, strict headers). Each route's role is checked here; services check
 * record-level visibility again. Signed-in sessions get their groups afresh on every request
 * ({@link FreshGroups}).
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig implements WebMvcConfigurer {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Who may record that a student is leaving: the office, the Pastoral Lead, Heads of Year, the DSL. */
    static final String[] LEAVER_RECORDERS = {"admin", "pastoral-lead", "hoy", "dsl"};
    /** Any member of staff removes a student from their lesson; the administrator does not teach. */
    static final String[] REMOVAL_RECORDERS = {"staff", "pso", "hoy", "senco", "dsl", "pastoral-lead", "slt"};

    /** Who puts a student on report (and cancels a card): PSOs, Heads of Year, the Pastoral Lead, SLT. */
    static final String[] REPORT_CARD_STARTERS = {"pso", "hoy", "pastoral-lead", "slt"};

    /** Everyone who teaches or works with students' case files: the report cards' scoring page (never administrators). */
    static final String[] TEACHERS = {"staff", "pso", "hoy", "senco", "dsl", "pastoral-lead", "slt"};

    private final CurrentViewer currentViewer;

    public SecurityConfig(CurrentViewer currentViewer) {
        this.currentViewer = currentViewer;
    }

    @Bean
    AuthenticationManager authenticationManager(StaffAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiAuthenticationEntryPoint entryPoint) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/students/import").hasRole(Group.ADMIN.id())
                        .requestMatchers("/api/students/**").hasAnyRole(Group.CASEWORKERS)
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .csrf(c -> c.disable()) // no cookies: every call carries its credentials
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, StaffDirectory directory) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/vendor/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Group.ADMIN.id())
                        .requestMatchers("/admin/**").hasRole(Group.ADMIN.id())
                        // a model changed in the Modeler, an earlier model put back, running cases moved: administrators
                        // (workflow.upload); before any wider /workflows/** rule, which must not open these to others
                        .requestMatchers("/workflows/upload", "/workflows/upload/**", "/workflows/models/*/restore/**",
                                "/workflows/models/*/migrate").hasRole(Group.ADMIN.id())
                        .requestMatchers("/retention", "/retention/**").hasRole(Group.DSL.id())
                        .requestMatchers("/dsl-group", "/dsl-group/**").hasRole(Group.DSL.id())
                        .requestMatchers("/attendance/import").hasAnyRole(Group.ADMIN.id(), Group.PASTORAL_LEAD.id())
                        .requestMatchers("/oncall/new").authenticated()
                        .requestMatchers(HttpMethod.POST, "/oncall").authenticated()
                        .requestMatchers("/oncall/rota", "/oncall/rota/**").hasAnyRole(Group.ADMIN.id(), Group.PASTORAL_LEAD.id())
                        .requestMatchers("/oncall", "/oncall/**").hasAnyRole(
                                Group.PSO.id(), Group.SLT.id(), Group.PASTORAL_LEAD.id(), Group.DSL.id())
                        // any member of staff logs behaviour and sees what they logged; the lists are the caseworkers'
                        .requestMatchers("/behaviour/new", "/behaviour/logs/**").hasRole(Group.STAFF.id())
                        .requestMatchers(HttpMethod.POST, "/behaviour").hasRole(Group.STAFF.id())
                        .requestMatchers("/behaviour/**").hasAnyRole(Group.CASEWORKERS)
                        .requestMatchers("/investigations/new", "/investigations/mine").authenticated()
                        .requestMatchers(HttpMethod.POST, "/investigations").authenticated()
                        .requestMatchers("/investigations", "/investigations/**").hasAnyRole(Group.CASEWORKERS)
                        // any member of staff records a removal; the reflection room's register is kept by the pastoral team
                        .requestMatchers("/removals/new").hasAnyRole(REMOVAL_RECORDERS)
                        .requestMatchers(HttpMethod.POST, "/removals").hasAnyRole(REMOVAL_RECORDERS)
                        .requestMatchers("/removals", "/removals/**").hasAnyRole(
                                Group.PSO.id(), Group.HOY.id(), Group.PASTORAL_LEAD.id(), Group.SLT.id())
                        .requestMatchers("/mediations/new").hasAnyRole(Group.PSO.id(), Group.HOY.id(), Group.PASTORAL_LEAD.id(), Group.DSL.id())
                        .requestMatchers(HttpMethod.POST, "/mediations").hasAnyRole(Group.PSO.id(), Group.HOY.id(), Group.PASTORAL_LEAD.id(), Group.DSL.id())
                        .requestMatchers("/mediations", "/mediations/**").hasAnyRole(Group.CASEWORKERS)
                        .requestMatchers("/suspensions", "/suspensions/**").hasAnyRole(Group.CASEWORKERS)
                        // multi-agency meetings: a DSL opens a series; its keeper (checked by the feature) records and closes it
                        .requestMatchers("/agency-meetings/new").hasRole(Group.DSL.id())
                        .requestMatchers(HttpMethod.POST, "/agency-meetings").hasRole(Group.DSL.id())
                        .requestMatchers("/agency-meetings", "/agency-meetings/**").hasAnyRole(Group.CASEWORKERS)
                        .requestMatchers("/report-cards/today").hasAnyRole(TEACHERS)
                        .requestMatchers(HttpMethod.POST, "/report-cards/*/scores").hasAnyRole(TEACHERS)
                        .requestMatchers(HttpMethod.GET, "/report-cards/*/card.pdf").hasAnyRole(TEACHERS)
                        .requestMatchers("/report-cards/new").hasAnyRole(REPORT_CARD_STARTERS)
                        .requestMatchers(HttpMethod.POST, "/report-cards", "/report-cards/*/cancel").hasAnyRole(REPORT_CARD_STARTERS)
                        .requestMatchers("/report-cards", "/report-cards/**").hasAnyRole(Group.CASEWORKERS)
                        // home visits are planned and read by caseworkers; the check-in is a task (/tasks/{id})
                        .requestMatchers("/home-visits", "/home-visits/**").hasAnyRole(Group.CASEWORKERS)
                        // the directory of local services: any member of staff searches it, the Pastoral Lead keeps it
                        .requestMatchers(HttpMethod.GET, "/services").hasAnyRole(TEACHERS)
                        .requestMatchers("/services", "/services/**").hasRole(Group.PASTORAL_LEAD.id())
                        .requestMatchers("/reports/**").hasAnyRole(Group.SLT.id(), Group.PASTORAL_LEAD.id(), Group.DSL.id())
                        // the office logs subject access requests and follows their dates; what is held is the DSL's
                        .requestMatchers(HttpMethod.GET, "/subject-access").hasAnyRole(Group.DSL.id(), Group.ADMIN.id(), Group.SLT.id())
                        .requestMatchers("/subject-access/new").hasAnyRole(Group.DSL.id(), Group.ADMIN.id())
                        .requestMatchers(HttpMethod.POST, "/subject-access").hasAnyRole(Group.DSL.id(), Group.ADMIN.id())
                        .requestMatchers("/subject-access", "/subject-access/**").hasRole(Group.DSL.id())
                        .requestMatchers("/transition/import").hasAnyRole(Group.ADMIN.id(), Group.PASTORAL_LEAD.id())
                        .requestMatchers(HttpMethod.POST, "/transition/cohort").hasAnyRole(Group.ADMIN.id(), Group.PASTORAL_LEAD.id())
                        .requestMatchers(HttpMethod.POST, "/transition/*/tutor-group").hasAnyRole(Group.HOY.id(), Group.PASTORAL_LEAD.id())
                        .requestMatchers("/transition", "/transition/**").hasAnyRole(Group.CASEWORKERS)
                        .requestMatchers("/leavers/new").hasAnyRole(LEAVER_RECORDERS)
                        .requestMatchers(HttpMethod.POST, "/leavers", "/leavers/year11").hasAnyRole(LEAVER_RECORDERS)
                        .requestMatchers("/leavers", "/leavers/**").hasRole(Group.DSL.id())
                        .requestMatchers("/family", "/family/**").hasAnyRole(Group.CASEWORKERS)
                        .requestMatchers(HttpMethod.POST, "/send/**").hasRole(Group.SENCO.id())
                        .requestMatchers("/send", "/send/**").hasAnyRole(Group.CASEWORKERS)
                        // letter templates are the Pastoral Lead's: what the school says to parents, in its name
                        .requestMatchers("/letters/templates", "/letters/templates/**").hasRole(Group.PASTORAL_LEAD.id())
                        .requestMatchers("/letters/**").hasAnyRole(Group.CASEWORKERS)
                        .requestMatchers("/students/**", "/chronology/**", "/plans/**", "/dashboards", "/dashboards/**",
                                "/early-intervention", "/early-intervention/**", "/interventions", "/interventions/**",
                                "/provision-map", "/provision-map.csv", "/provision-map.pdf", "/provision-map/**")
                        .hasAnyRole(Group.CASEWORKERS)
                        // the Workflows page: models, tables, versions and counts, no case content (issue 18). Only
                        // these reads: the pages that change a workflow (upload, table editor) have rules of their own
                        .requestMatchers(HttpMethod.GET, "/workflows", "/workflows/*", "/workflows/*/versions/*/file",
                                "/workflows/*/versions/*/model.bpmn")
                        .hasAnyRole(Group.PASTORAL_LEAD.id(), Group.DSL.id(), Group.ADMIN.id())
                        // school settings (docs/adr/0031): each setting's guard decides who changes it (settings.Setting.Guard)
                        .requestMatchers("/settings", "/settings/**").hasAnyRole(Group.DSL.id(), Group.PASTORAL_LEAD.id(), Group.ADMIN.id())
                        // the routing tables are changed by the Pastoral Lead and the DSL; administrators change no routing (ADR 0030)
                        .requestMatchers("/workflows/tables/**").hasAnyRole(Group.PASTORAL_LEAD.id(), Group.DSL.id())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterBefore(new FreshGroups(directory), AnonymousAuthenticationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(currentViewer);
    }
}
