package org.pastoralflow.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.StaffDirectory;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Group membership is changed on the application's own pages, over real HTTP as the people would:
 * an administrator changes groups at once, proposes a change to the DSL group, a DSL other than the
 * person concerned confirms it, each step audited, and the person's next request already works with
 * their new groups, in the session they had before. The people are made for each test, so the demo's
 * logins keep their groups for the other tests.
 */
@PostgresIntegrationTest
class StaffGroupsIntegrationTest {

    static final String PASSWORD = "A-long-password-1";

    @LocalServerPort int port;
    @Autowired StaffDirectory directory;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired ReferralService referrals;
    @Autowired StudentRepository students;

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    String newPerson(String... groups) {
        String id = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        directory.createUser(id, "Sam", "Staff-" + id.substring(6), null, PASSWORD, Arrays.asList(groups));
        return id;
    }

    HttpUser signedIn(String id) {
        HttpUser user = new HttpUser(port);
        HttpResponse<String> r = user.signIn(id, PASSWORD);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return user;
    }

    long audited(String actor, String action, String detail) {
        return jdbc.queryForObject("select count(*) from audit_event where actor = ? and action = ? and record_type = 'group-membership' "
                + "and detail like ?", Long.class, actor, action, detail);
    }

    Long waitingChangeOf(String id) {
        return jdbc.queryForObject("select id from group_change where user_id = ? and status = 'PENDING'", Long.class, id);
    }

    HttpResponse<String> postFrom(HttpUser user, String page, String path, Map<String, String> form) {
        return user.postWithToken(path, form, user.csrfFrom(page));
    }

    @Test
    void anAdministratorProposesADslConfirmsAndThePersonsNextRequestReadsAsADsl() throws Exception {
        TestMail.reset();
        String marker = "Marker " + UUID.randomUUID();
        Referral concern = referrals.raise(new FormData(Map.of("studentId", students.findByUpn("U873400126000").orElseThrow().getId().toString(),
                "category", "safeguarding", "description", marker, "occurredAt", JustNow.at().toString())),
                new Viewer("teacher", "Tess Teacher", java.util.Set.of("staff")));
        String concernPage = "/referrals/" + concern.getReference();
        String pat = newPerson("staff", "pso");
        HttpUser patsBrowser = signedIn(pat);
        assertThat(patsBrowser.get("/retention").statusCode()).isEqualTo(403);
        assertThat(patsBrowser.get(concernPage).statusCode()).as("a safeguarding concern, to a PSO").isEqualTo(404);

        HttpUser admin = HttpUser.signedIn(port, "admin");
        assertThat(admin.get("/admin/staff").body()).contains(pat);
        HttpResponse<String> proposed = postFrom(admin, "/admin/staff/" + pat, "/admin/staff/" + pat + "/dsl", Map.of("change", "add"));
        assertThat(proposed.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/staff/" + pat).body()).contains("Waiting for a DSL");
        Long change = waitingChangeOf(pat);
        assertThat(audited("admin", "PROPOSE", pat + ": add dsl%")).isEqualTo(1);
        // proposed is not done: the DSL group is as it was
        assertThat(directory.groupsOf(pat)).doesNotContain("dsl");
        assertThat(patsBrowser.get("/retention").statusCode()).isEqualTo(403);
        assertThat(Arrays.stream(TestMail.received()).anyMatch(m -> {
            try {
                return m.getSubject().equals("A change to the DSL group is waiting for you")
                        && Arrays.toString(m.getAllRecipients()).contains("dsl@demo-school.example");
            } catch (Exception e) {
                return false;
            }
        })).as("the DSLs are e-mailed").isTrue();

        // the administrator cannot confirm it: the DSLs' page is not theirs
        assertThat(admin.get("/dsl-group").statusCode()).isEqualTo(403);
        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        assertThat(dsl.get("/dsl-group").body()).contains("Adding " + directory.displayName(pat) + " to the DSL group");
        HttpResponse<String> confirmed = postFrom(dsl, "/dsl-group", "/dsl-group/" + change + "/confirm", Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(audited("dsl", "CONFIRM", pat + ": add dsl, proposed by admin")).isEqualTo(1);

        // the same session, no new sign-in: the next request is a DSL's
        assertThat(patsBrowser.get("/retention").statusCode()).isEqualTo(200);
        assertThat(patsBrowser.get("/leavers").statusCode()).isEqualTo(200);
        assertThat(patsBrowser.get(concernPage).body()).contains(marker);

        // and out again: Pat cannot confirm their own removal, dsl2 can
        postFrom(admin, "/admin/staff/" + pat, "/admin/staff/" + pat + "/dsl", Map.of("change", "remove"));
        Long removal = waitingChangeOf(pat);
        HttpResponse<String> byPat = postFrom(patsBrowser, "/dsl-group", "/dsl-group/" + removal + "/confirm", Map.of());
        assertThat(byPat.statusCode()).isEqualTo(422);
        assertThat(byPat.body()).contains("It is about you");
        assertThat(directory.groupsOf(pat)).contains("dsl");
        HttpUser dsl2 = HttpUser.signedIn(port, "dsl2");
        assertThat(postFrom(dsl2, "/dsl-group", "/dsl-group/" + removal + "/confirm", Map.of()).statusCode()).isEqualTo(302);
        assertThat(patsBrowser.get("/retention").statusCode()).as("removed from dsl: the next page load").isEqualTo(403);
        assertThat(patsBrowser.get("/leavers").statusCode()).isEqualTo(403);
        HttpResponse<String> afterwards = patsBrowser.get(concernPage);
        assertThat(afterwards.statusCode()).isEqualTo(404);
        assertThat(afterwards.body()).doesNotContain(marker);
        assertThat(patsBrowser.get("/inbox").statusCode()).as("still signed in, as a PSO").isEqualTo(200);
        // a decided change cannot be decided again
        HttpResponse<String> again = postFrom(dsl, "/dsl-group", "/dsl-group/" + removal + "/refuse", Map.of());
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("already been confirmed");
    }

    @Test
    void whoeverProposedAChangeCannotConfirmItAndARefusalChangesNothing() {
        String adaDsl = newPerson("staff", "admin", "dsl");
        String sam = newPerson("staff");
        HttpUser ada = signedIn(adaDsl);
        postFrom(ada, "/admin/staff/" + sam, "/admin/staff/" + sam + "/dsl", Map.of("change", "add"));
        Long change = waitingChangeOf(sam);
        HttpResponse<String> own = postFrom(ada, "/dsl-group", "/dsl-group/" + change + "/confirm", Map.of());
        assertThat(own.statusCode()).isEqualTo(422);
        assertThat(own.body()).contains("You proposed it");
        assertThat(ada.get("/dsl-group").body()).contains("You proposed it: another DSL decides it.");

        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        assertThat(postFrom(dsl, "/dsl-group", "/dsl-group/" + change + "/refuse", Map.of()).statusCode()).isEqualTo(302);
        assertThat(directory.groupsOf(sam)).containsExactly("staff");
        assertThat(audited("dsl", "REFUSE", sam + ": add dsl, proposed by " + adaDsl)).isEqualTo(1);
        assertThat(dsl.get("/dsl-group").body()).contains("Refused");
    }

    @Test
    void otherGroupsChangeAtOnceAndTheNextRequestHasThem() {
        String pat = newPerson("staff", "pso");
        HttpUser patsBrowser = signedIn(pat);
        assertThat(patsBrowser.get("/attendance/import").statusCode()).isEqualTo(403);

        HttpUser admin = HttpUser.signedIn(port, "admin");
        HttpResponse<String> saved = postFrom(admin, "/admin/staff/" + pat, "/admin/staff/" + pat + "/groups",
                Map.of("groups", "pastoral-lead"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(directory.groupsOf(pat)).containsExactly("pastoral-lead");
        assertThat(audited("admin", "CHANGE", pat + ": added to pastoral-lead")).isEqualTo(1);
        assertThat(audited("admin", "CHANGE", pat + ": removed from pso")).isEqualTo(1);
        assertThat(audited("admin", "CHANGE", pat + ": removed from staff")).isEqualTo(1);
        assertThat(patsBrowser.get("/attendance/import").statusCode()).as("the Pastoral Lead's page, on the next request").isEqualTo(200);
        assertThat(patsBrowser.get("/oncall").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongOrHostileInputIsNamedAndChangesNothing() {
        String pat = newPerson("staff", "pso");
        HttpUser admin = HttpUser.signedIn(port, "admin");
        String page = "/admin/staff/" + pat;
        for (String group : List.of("dsl", "camunda-admin", "nonsense", "<script>")) {
            HttpResponse<String> r = postFrom(admin, page, page + "/groups", Map.of("groups", group));
            assertThat(r.statusCode()).as(group).isEqualTo(422);
            assertThat(r.body()).as(group).contains("id=\"groups-error\"").doesNotContain("<script>");
        }
        assertThat(directory.groupsOf(pat)).containsExactlyInAnyOrder("staff", "pso");
        for (String change : List.of("maybe", "")) {
            HttpResponse<String> r = postFrom(admin, page, page + "/dsl", Map.of("change", change));
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(r.body()).contains("id=\"change-error\"");
        }
        HttpResponse<String> notADsl = postFrom(admin, page, page + "/dsl", Map.of("change", "remove"));
        assertThat(notADsl.statusCode()).isEqualTo(422);
        assertThat(notADsl.body()).contains("is not in the DSL group");
        assertThat(postFrom(admin, page, page + "/dsl", Map.of("change", "add")).statusCode()).isEqualTo(302);
        HttpResponse<String> twice = postFrom(admin, page, page + "/dsl", Map.of("change", "add"));
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("already waiting");
        assertThat(jdbc.queryForObject("select count(*) from group_change where user_id = ?", Long.class, pat)).isEqualTo(1);

        assertThat(admin.get("/admin/staff/no-such-person").statusCode()).isEqualTo(404);
        assertThat(postFrom(admin, page, "/admin/staff/no-such-person/groups", Map.of("groups", "pso")).statusCode()).isEqualTo(404);
        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        assertThat(postFrom(dsl, "/dsl-group", "/dsl-group/987654321/confirm", Map.of()).statusCode()).isEqualTo(404);
        assertThat(postFrom(dsl, "/dsl-group", "/dsl-group/not-a-number/confirm", Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void anAccountThatNoLongerExistsIsSignedOutOnItsNextRequest() {
        String gone = newPerson("staff", "pso");
        HttpUser browser = signedIn(gone);
        assertThat(browser.get("/inbox").statusCode()).isEqualTo(200);
        identity.deleteUser(gone);
        HttpResponse<String> next = browser.get("/inbox");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void anAdministratorUnlocksALockedAccount() {
        String locked = newPerson("staff");
        // ten wrong passwords through the sign-in page lock the login (the application's limits, not the engine's);
        // sent as from an address of their own (the proxy header the tests' server trusts), so the failures do not
        // count against the address every other test signs in from
        HttpUser someone = new HttpUser(port);
        for (int attempt = 1; attempt <= 10; attempt++) {
            someone.send("POST", "/login", "application/x-www-form-urlencoded",
                    "username=" + locked + "&password=wrong-" + attempt + "&_csrf=" + someone.csrfFrom("/login"),
                    Map.of("X-Forwarded-For", "203.0.113.77"));
        }
        assertThat(new HttpUser(port).signIn(locked, PASSWORD).headers().firstValue("Location")).as("locked")
                .hasValueSatisfying(l -> assertThat(l).contains("error"));

        HttpUser admin = HttpUser.signedIn(port, "admin");
        String page = "/admin/staff/" + locked;
        assertThat(postFrom(admin, page, page + "/unlock", Map.of()).statusCode()).isEqualTo(302);
        assertThat(new HttpUser(port).signIn(locked, PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(audited("admin", "UNLOCK", locked + ": account unlocked")).isEqualTo(1);
    }
}
