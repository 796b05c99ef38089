package org.pastoralflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.pastoralflow.referral.ReferralRepository;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error of the API is a problem document, over real HTTP, including those answered before
 * any controller is chosen (no such address, wrong method, wrong media type, not signed in); the
 * pages keep their HTML error page. A JSON object where text is expected is refused, not stored.
 */
@PostgresIntegrationTest
class ApiErrorsIntegrationTest {

    @LocalServerPort int port;
    @Autowired ReferralRepository referrals;

    HttpResponse<String> call(String method, String path, String user, String contentType, String body, String accept)
            throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        if (accept != null) {
            r.header("Accept", accept);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void problem(HttpResponse<String> r, int status, String detail) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":" + status).contains(detail);
    }

    @Test
    void errorsBeforeAnyControllerAreProblemDocumentsToo() throws Exception {
        problem(call("GET", "/api/no-such-thing", "pso", null, null, null), 404, "There is nothing at this address.");
        // whatever the client says it accepts
        problem(call("GET", "/api/no-such-thing", "pso", null, null, "text/html"), 404, "There is nothing at this address.");
        problem(call("PUT", "/api/referrals", "pso", "application/json", "{}", null), 405,
                "This address does not take a PUT request.");
        problem(call("POST", "/api/referrals", "pso", "text/plain", "upn=x", null), 415, "is not supported");
        problem(call("GET", "/api/tasks", null, null, null, null), 401, "Sign in with your staff username and password.");
        problem(call("GET", "/api/students/U873400126000/chronology", "teacher", null, null, null), 403, "Your role does not allow this.");
        problem(call("POST", "/api/referrals", "pso", "application/json", "{\"upn\": ", null), 400, "The body is not valid JSON.");
        // refused by Tomcat itself before any filter: an encoded NUL, an encoded slash
        problem(call("GET", "/api/students/A%00B/chronology", "pso", null, null, null), 400, "The address could not be read");
        problem(call("GET", "/api/referrals/a%2Fb", "pso", null, null, null), 400, "The address could not be read");
    }

    @Test
    void aJsonObjectWhereTextIsExpectedIsRefusedNotStoredAsText() throws Exception {
        long before = referrals.count();
        HttpResponse<String> r = call("POST", "/api/referrals", "teacher", "application/json",
                "{\"upn\": \"U873400126000\", \"category\": \"welfare\", \"description\": {\"a\": 1}, "
                        + "\"occurredAt\": \"2026-01-05T10:00\", \"location\": \"Hall\\u0000way\", \"immediateRisk\": \"yes\"}", null);

        problem(r, 400, "Invalid input");
        assertThat(r.body()).contains("\"description\":\"What you saw or heard must be text, not an object.\"")
                .contains("\"location\":\"Where it happened contains a control character (U+0000 at position 5).\"")
                .contains("\"immediateRisk\":\"Immediate risk must be true or false, not text.\"");
        assertThat(referrals.count()).isEqualTo(before);
    }

    @Test
    void pagesKeepTheirHtmlErrorPageNamingTheField() {
        HttpUser pso = HttpUser.signedIn(port, "pso");

        HttpResponse<String> search = pso.get("/students?q=Wil%00liams");
        assertThat(search.statusCode()).isEqualTo(400);
        assertThat(search.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(search.body()).contains("The value of &quot;q&quot; contains a control character (U+0000 at position 4).");

        HttpResponse<String> missing = pso.getHtml("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    }
}
