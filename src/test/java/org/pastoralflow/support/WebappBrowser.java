package org.pastoralflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Someone signed in to the application using the Camunda webapps' REST API as Cockpit and Admin
 * do from the browser: the same session, and on every change the token the webapps' own CSRF
 * filter hands out with the first answer (without it the webapps refuse the change and end the
 * session, which would hide what a test is checking).
 */
public final class WebappBrowser {

    public static final String ENGINE = "/camunda/api/engine/engine/default";

    private final HttpUser user;
    private final String token;

    private WebappBrowser(HttpUser user, String token) {
        this.user = user;
        this.token = token;
    }

    public static WebappBrowser signedIn(int port, String userId) {
        HttpUser user = HttpUser.signedIn(port, userId);
        HttpResponse<String> first = user.get("/camunda/api/admin/auth/user/default");
        String token = first.headers().firstValue("X-XSRF-TOKEN").orElse(null);
        assertThat(token).as("the webapps' CSRF token for %s (answer %s)", userId, first.statusCode()).isNotBlank();
        return new WebappBrowser(user, token);
    }

    public HttpUser user() {
        return user;
    }

    public HttpResponse<String> get(String path) {
        return user.get(path);
    }

    public HttpResponse<String> json(String method, String path, String body) {
        return user.send(method, path, body == null ? null : "application/json", body,
                Map.of("X-XSRF-TOKEN", token, "Accept", "application/json"));
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        return user.send(method, path, contentType, body, Map.of("X-XSRF-TOKEN", token, "Accept", "application/json"));
    }
}
