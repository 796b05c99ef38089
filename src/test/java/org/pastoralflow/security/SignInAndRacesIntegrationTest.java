package org.pastoralflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditRepository;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.notification.Notification;
import org.pastoralflow.notification.NotificationRepository;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.signin.SignInSettings;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.forms.FormData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signing in the way an attacker would try it (wrong passwords for one login, many names from one
 * address, a TLS proxy in front), how passwords are stored and chosen, and two people finishing the
 * same task at once. Over real HTTP on PostgreSQL.
 */
@PostgresIntegrationTest
class SignInAndRacesIntegrationTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired StaffDirectory directory;
    @Autowired SignInSettings settings;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditRepository audit;
    @Autowired NotificationRepository notifications;
    @Autowired ReferralService referrals;
    @Autowired StudentRepository students;
    @Autowired TaskService tasks;
    @Autowired ChronologyRepository chronology;

    @Test
    void theSessionIdChangesAtSignIn() {
        HttpUser user = new HttpUser(port);
        user.get("/login");
        String before = user.sessionId().orElseThrow();
        HttpResponse<String> signedIn = user.signIn("pso", "demo");
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(user.sessionId()).hasValueSatisfying(after -> assertThat(after).isNotEqualTo(before));
        assertThat(user.get("/inbox").statusCode()).isEqualTo(200);
    }

    static final String RIGHT = "Right-password-1";
    static final String LOCKED = "SIGN_IN_LOCKED";

    String newStaffMember() {
        String id = "throttle" + System.nanoTime();
        directory.createUser(id, "Try", "Often", null, RIGHT, List.of("staff"));
        return id;
    }

    static boolean signedIn(HttpResponse<String> r) {
        return r.statusCode() == 302 && r.headers().firstValue("Location").map(l -> !l.contains("error")).orElse(false);
    }

    /** A browser behind the school's TLS proxy, which tells the application the client's address and the scheme. */
    Proxied from(String address) {
        return new Proxied(port, address, "http");
    }

    static int next = 10;

    /** An address of the documentation range (RFC 5737), a new one each time, so each test counts only its own failures. */
    static synchronized String address() {
        return "203.0.113." + next++;
    }

    OffsetDateTime lockedUntil(String userId) {
        List<OffsetDateTime> until = jdbc.queryForList("select locked_until from sign_in_lock where subject = ?",
                OffsetDateTime.class, "login:" + userId);
        return until.isEmpty() ? null : until.get(0);
    }

    long audited(String action, String containing) {
        return audit.findAll().stream().filter(a -> action.equals(a.getAction()) && a.getDetail().contains(containing)).count();
    }

    @Test
    void tenWrongPasswordsLockALoginForAWhileAndTheLockEndsByItself() throws Exception {
        String id = newStaffMember();
        String attacker = address();

        // one wrong password no longer makes the right one wait (the engine's delay is off)
        assertThat(signedIn(from(attacker).signIn(id, "guess-0"))).isFalse();
        assertThat(signedIn(from(address()).signIn(id, RIGHT))).isTrue();

        int max = settings.account().maxFailures();
        for (int attempt = 1; attempt < max; attempt++) {
            assertThat(signedIn(from(attacker).signIn(id, "guess-" + attempt))).isFalse();
        }
        assertThat(lockedUntil(id)).as("not locked before the %dth failure", max).satisfiesAnyOf(
                u -> assertThat(u).isNull(), u -> assertThat(u.toInstant()).isBefore(Instant.now()));
        Instant lastFailure = Instant.now();
        assertThat(signedIn(from(attacker).signIn(id, "guess-" + max))).isFalse();

        // locked: even the right password, from anywhere, is refused, and the answer is the same as for a wrong one
        HttpResponse<String> refused = from(address()).signIn(id, RIGHT);
        assertThat(signedIn(refused)).isFalse();
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        OffsetDateTime until = lockedUntil(id);
        assertThat(until.toInstant()).isBetween(lastFailure.plus(settings.account().lockFor()).minusSeconds(1),
                Instant.now().plus(settings.account().lockFor()));
        assertThat(audited(LOCKED, id + " is locked")).isEqualTo(1);
        // the engine's own lock (ACT_ID_USER.LOCK_EXP_TIME_), which after login-max-attempts never ends, never engaged
        List<java.sql.Timestamp> engineLock = jdbc.queryForList("select lock_exp_time_ from act_id_user where id_ = ?",
                java.sql.Timestamp.class, id);
        assertThat(engineLock.get(0)).satisfiesAnyOf(t -> assertThat(t).isNull(),
                t -> assertThat(t.toInstant()).isBeforeOrEqualTo(Instant.now()));

        // the lock ends by itself after lock-for (PT6S in the tests' profile, PT15M in production)
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), until.toInstant()).toMillis()) + 500);
        assertThat(signedIn(from(address()).signIn(id, RIGHT))).as("signed in once the lock has ended").isTrue();
    }

    @Test
    void oneAddressIsStoppedAfterTooManyFailuresWhateverNamesItTries() throws Exception {
        String sprayer = address();
        int max = settings.address().maxFailures();
        for (int i = 1; i <= max; i++) {
            // password spraying through the API: a different name each time, so no login reaches its own limit
            assertThat(from(sprayer).api("/api/tasks", "nobody-" + i, "Summer2026!").statusCode()).isEqualTo(401);
        }
        assertThat(jdbc.queryForObject("select count(*) from sign_in_failure where address = ? and user_id is not null",
                Integer.class, sprayer)).as("names that are nobody's are not kept").isZero();
        // now even a right password from that address is refused, through the pages and the API alike
        assertThat(signedIn(from(sprayer).signIn("pso", "demo"))).isFalse();
        assertThat(from(sprayer).api("/api/tasks", "pso", "demo").statusCode()).isEqualTo(401);
        // everyone else carries on
        assertThat(signedIn(from(address()).signIn("pso", "demo"))).isTrue();
        assertThat(audited("SIGN_IN_BLOCKED", sprayer)).isEqualTo(1);
        // a name no login could have (a NUL, or far too long) is a failure like any other, not an error
        HttpResponse<String> nul = from(address()).signIn("ds\u0000l", "demo");
        assertThat(nul.statusCode()).isEqualTo(302);
        assertThat(nul.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(from(address()).api("/api/tasks", "x".repeat(5000), "demo").statusCode()).isEqualTo(401);
    }

    @Test
    void theAdministratorsAreToldOnceNotForEveryLock() throws Exception {
        jdbc.update("update sign_in_alert set last_sent_at = null");
        Instant start = Instant.now();
        String first = newStaffMember(), second = newStaffMember();
        for (String id : List.of(first, second)) {
            String attacker = address();
            for (int attempt = 1; attempt <= settings.account().maxFailures(); attempt++) {
                from(attacker).signIn(id, "guess-" + attempt);
            }
            assertThat(lockedUntil(id).toInstant()).isAfter(Instant.now());
        }
        assertThat(audited(LOCKED, first + " is locked")).isEqualTo(1);
        assertThat(audited(LOCKED, second + " is locked")).isEqualTo(1);
        List<Notification> told = notifications.findAll().stream()
                .filter(n -> n.getSubject().equals("Sign-ins refused after repeated failures") && !n.getCreatedAt().isBefore(start))
                .toList();
        assertThat(told).hasSize(1);
        assertThat(told.get(0).getRecipients()).contains("admin@demo-school.example").doesNotContain("dsl@");
        assertThat(told.get(0).getBody()).contains(first + " is locked", "audit trail");
    }

    @Test
    void aShaHashFromBeforeIsReplacedByBcryptAtTheNextSignIn() {
        String id = newStaffMember();
        // what the engine stored before: {SHA-512} of the password with its salt appended
        String salt = "legacy-salt-0123456789==";
        jdbc.update("update act_id_user set pwd_ = ?, salt_ = ? where id_ = ?",
                "{SHA-512}" + new Sha512HashDigest().encrypt(RIGHT + salt), salt, id);
        String before = jdbc.queryForObject("select pwd_ from act_id_user where id_ = ?", String.class, id);
        assertThat(before).startsWith("{SHA-512}");

        assertThat(signedIn(from(address()).signIn(id, RIGHT))).isTrue();
        String after = jdbc.queryForObject("select pwd_ from act_id_user where id_ = ?", String.class, id);
        assertThat(after).startsWith("{BCRYPT}$2a$10$").isNotEqualTo(before);
        assertThat(jdbc.queryForObject("select salt_ from act_id_user where id_ = ?", String.class, id)).isNotEqualTo(salt);

        // the same password still works, now against the bcrypt hash, and a wrong one does not
        assertThat(signedIn(from(address()).signIn(id, RIGHT))).isTrue();
        assertThat(signedIn(from(address()).signIn(id, RIGHT + "x"))).isFalse();
        assertThat(jdbc.queryForObject("select pwd_ from act_id_user where id_ = ?", String.class, id)).isEqualTo(after);
    }

    @Test
    void aWeakPasswordIsRefusedWherePasswordsAreSet() throws Exception {
        String id = "weak" + System.nanoTime();
        assertThatThrownBy(() -> directory.createUser(id, "Wendy", "Weak", null, "password", List.of("staff")))
                .isInstanceOf(WeakPasswordException.class)
                .hasMessageContaining("at least 10 characters").hasMessageContaining("a capital letter")
                .hasMessageContaining("a digit");
        String often = newStaffMember();
        assertThat(directory.passwordProblems(often, "Often-2026-secret")).containsExactly("not to contain the user's id, name or e-mail address");
        assertThat(directory.userExists(id)).isFalse();

        // Camunda Admin, where the administrator creates staff and changes passwords
        Proxied admin = from(address());
        assertThat(signedIn(admin.signIn("admin", "demo"))).isTrue();
        assertThat(admin.get("/camunda/app/admin/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> policy = admin.webappPost("/camunda/api/engine/engine/default/identity/password-policy",
                "{\"password\":\"password\"}");
        assertThat(policy.statusCode()).isEqualTo(200);
        assertThat(policy.body()).contains("\"valid\":false", "PASSWORD_POLICY_LENGTH");
        HttpResponse<String> weak = admin.webappPost("/camunda/api/engine/engine/default/user/create",
                "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"Wendy\",\"lastName\":\"Weak\"},"
                        + "\"credentials\":{\"password\":\"password\"}}");
        assertThat(weak.statusCode()).as(weak.body()).isNotIn(200, 204);
        assertThat(weak.body()).contains("Password does not match policy");
        assertThat(directory.userExists(id)).isFalse();
        HttpResponse<String> strong = admin.webappPost("/camunda/api/engine/engine/default/user/create",
                "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"Wendy\",\"lastName\":\"Weak\"},"
                        + "\"credentials\":{\"password\":\"Long-and-2-strong\"}}");
        assertThat(strong.statusCode()).as(strong.body()).isEqualTo(204);
        assertThat(directory.checkPassword(id, "Long-and-2-strong")).isTrue();
    }

    @Test
    void theSessionCookieIsSecureBehindATlsProxy() {
        HttpResponse<String> viaTls = new Proxied(port, address(), "https").get("/login");
        assertThat(viaTls.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("JSESSIONID=").containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));
        assertThat(viaTls.headers().firstValue("Strict-Transport-Security")).isPresent();

        HttpResponse<String> plain = from(address()).get("/login");
        assertThat(plain.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("JSESSIONID=").doesNotContainIgnoringCase("Secure"));

        // redirects stay on https (to sign in, here)
        HttpResponse<String> inbox = new Proxied(port, address(), "https").get("/inbox");
        assertThat(inbox.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("https://"));
    }

    /**
     * A browser (cookies kept, redirects not followed) whose requests come through a TLS proxy on
     * this machine: X-Forwarded-For names the client, X-Forwarded-Proto the scheme it used.
     */
    static final class Proxied {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final int port;
        private final String address;
        private final String scheme;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client;

        Proxied(int port, String address, String scheme) {
            this.port = port;
            this.address = address;
            this.scheme = scheme;
            this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        HttpResponse<String> get(String path) {
            return send(request(path).GET());
        }

        HttpResponse<String> signIn(String user, String password) {
            Matcher token = CSRF.matcher(get("/login").body());
            assertThat(token.find()).isTrue();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpResponse<String> api(String path, String user, String password) {
            return send(request(path).header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).GET());
        }

        /** A JSON post to the webapps' REST API, with the token their CSRF filter asks for (from the XSRF-TOKEN cookie). */
        HttpResponse<String> webappPost(String path, String json) {
            String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
            return send(request(path).header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-Forwarded-For", address).header("X-Forwarded-Proto", scheme);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void twoDslsRecordingTheSameDecisionAtOnceOneWinsTheOtherIsToldAndNothingOfTheirsIsSaved() throws Exception {
        var student = students.findByUpn("U873400126000").orElseThrow();
        Referral r = referrals.raise(new FormData(Map.of("studentId", student.getId().toString(), "category", "safeguarding",
                "description", "Race test " + System.nanoTime(), "occurredAt", "2026-11-20T10:00")),
                new Viewer("teacher", "Tess Teacher", Set.of("staff")));
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(r.getReference()).taskDefinitionKey("Task_DslReview").singleResult();

        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        HttpUser deputy = HttpUser.signedIn(port, "dsl2");
        String dslToken = dsl.csrfFrom("/tasks/" + review.getId());
        String deputyToken = deputy.csrfFrom("/tasks/" + review.getId());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        answers.add(pool.submit(() -> {
            go.await();
            return dsl.postWithToken("/tasks/" + review.getId(), Map.of("decision", "monitor", "rationale", "First DSL's rationale"), dslToken);
        }));
        answers.add(pool.submit(() -> {
            go.await();
            return deputy.postWithToken("/tasks/" + review.getId(), Map.of("decision", "early-help", "rationale", "Deputy's rationale"), deputyToken);
        }));
        go.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> f : answers) {
            responses.add(f.get());
        }
        pool.shutdown();

        List<HttpResponse<String>> won = responses.stream().filter(x -> x.statusCode() == 302).toList();
        List<HttpResponse<String>> lost = responses.stream().filter(x -> x.statusCode() != 302).toList();
        assertThat(won).hasSize(1);
        assertThat(lost).hasSize(1);
        assertThat(lost.get(0).statusCode()).isIn(404, 409);
        assertThat(lost.get(0).body()).containsAnyOf("Someone else has just", "has been completed", "is being handled by")
                .doesNotContain("Something went wrong");

        var decisions = chronology.findAll().stream()
                .filter(e -> r.getId().equals(e.getSourceId()) && "referral".equals(e.getSourceType()) && e.getKind() == EntryKind.DECISION)
                .toList();
        assertThat(decisions).hasSize(1);
        assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult()).isNull();
    }
}
