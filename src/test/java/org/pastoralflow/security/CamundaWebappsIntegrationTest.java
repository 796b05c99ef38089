package org.pastoralflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit, Admin and Tasklist run in the real servlet container, so this test starts a real
 * server: one login for the application and the webapps, and only administrators get in.
 */
@PostgresIntegrationTest
class CamundaWebappsIntegrationTest {

    @LocalServerPort int port;

    HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void signIn(HttpClient client, String user) throws Exception {
        String form = get(client, "/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        String body = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    @Test
    void anAdministratorUsesCockpitWithTheirApplicationLogin() throws Exception {
        HttpClient admin = browser();
        signIn(admin, "admin");
        HttpResponse<String> cockpit = get(admin, "/camunda/app/cockpit/default/");
        assertThat(cockpit.statusCode()).as(cockpit.headers().map().toString()).isEqualTo(200);
        HttpResponse<String> me = get(admin, "/camunda/api/admin/auth/user/default");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"admin\"");
        HttpResponse<String> definitions = get(admin, "/camunda/api/engine/engine/default/process-definition?key=referral");
        assertThat(definitions.statusCode()).isEqualTo(200);
        assertThat(definitions.body()).contains("\"key\":\"referral\"");
    }

    @Test
    void nobodyElseGetsIn() throws Exception {
        HttpClient anonymous = browser();
        HttpResponse<String> r = get(anonymous, "/camunda/app/cockpit/default/");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(get(anonymous, "/camunda/api/engine/engine/default/process-definition").statusCode()).isEqualTo(302);

        for (String user : new String[] {"dsl", "pso", "head", "teacher"}) {
            HttpClient staff = browser();
            signIn(staff, user);
            assertThat(get(staff, "/camunda/app/cockpit/default/").statusCode()).as(user).isEqualTo(403);
            assertThat(get(staff, "/camunda/api/engine/engine/default/task").statusCode()).as(user).isEqualTo(403);
        }
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        HttpResponse<String> login = get(browser(), "/login");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }
}
