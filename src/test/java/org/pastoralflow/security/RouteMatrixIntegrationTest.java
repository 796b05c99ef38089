package org.pastoralflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every page and API route against every role, from one table: which answer each role gets.
 * A = allowed (200), F = forbidden (403), L = sent to the login page, U = 401 (API).
 */
@PostgresIntegrationTest
class RouteMatrixIntegrationTest {

    static final List<String> ROLES = List.of("anonymous", "teacher", "pso", "hoy", "senco", "dsl", "lead", "head", "admin");

    /** route, then the answer for each role in the order of {@link #ROLES}. */
    static final String[][] PAGES = {
            //                                  anon teach pso  hoy  senco dsl lead head admin
            {"/inbox",                           "L", "A", "A", "A", "A", "A", "A", "A", "A"},
            {"/referrals/new",                   "L", "A", "A", "A", "A", "A", "A", "A", "A"},
            {"/referrals/mine",                  "L", "A", "A", "A", "A", "A", "A", "A", "A"},
            {"/students",                        "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"/students/{id}",                   "L", "F", "A", "A", "A", "A", "A", "A", "F"},
            {"/admin",                           "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"/admin/calendar",                  "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"/admin/students/import",           "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"/actuator/metrics",                "L", "F", "F", "F", "F", "F", "F", "F", "A"},
            {"/actuator/health",                 "A", "A", "A", "A", "A", "A", "A", "A", "A"},
    };

    static final String[][] API = {
            {"/api/tasks",                       "U", "A", "A", "A", "A", "A", "A", "A", "A"},
            {"/api/students/{upn}/chronology",   "U", "F", "A", "A", "A", "A", "A", "A", "F"},
    };

    @Autowired MockMvc mvc;
    @Autowired StudentRepository students;

    static Map<String, MockHttpSession> sessions = new HashMap<>();

    @BeforeAll
    static void noSessionsYet() {
        sessions.clear();
    }

    String resolve(String route) {
        var s = students.findByUpn("U873400126000").orElseThrow();
        return route.replace("{id}", s.getId().toString()).replace("{upn}", s.getUpn());
    }

    MockHttpSession session(String role) throws Exception {
        if (!sessions.containsKey(role)) {
            sessions.put(role, Web.signIn(mvc, role));
        }
        return sessions.get(role);
    }

    static String answer(int status, String location) {
        if (status == 200) {
            return "A";
        }
        if (status == 403) {
            return "F";
        }
        if (status == 401) {
            return "U";
        }
        if (status == 302 && location != null && location.endsWith("/login")) {
            return "L";
        }
        return "HTTP " + status;
    }

    @Test
    void everyPageAnswersEveryRoleAsTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String[] row : PAGES) {
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                var request = get(resolve(row[0]));
                if (!role.equals("anonymous")) {
                    request.session(session(role));
                }
                var response = mvc.perform(request).andReturn().getResponse();
                String got = answer(response.getStatus(), response.getRedirectedUrl());
                if (!got.equals(row[i + 1])) {
                    wrong.add(row[0] + " as " + role + ": expected " + row[i + 1] + ", got " + got);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyApiRouteAnswersEveryRoleAsTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String[] row : API) {
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                var request = get(resolve(row[0]));
                if (!role.equals("anonymous")) {
                    request.with(httpBasic(role, "demo"));
                }
                var response = mvc.perform(request).andReturn().getResponse();
                String got = answer(response.getStatus(), response.getRedirectedUrl());
                if (!got.equals(row[i + 1])) {
                    wrong.add(row[0] + " as " + role + ": expected " + row[i + 1] + ", got " + got);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
