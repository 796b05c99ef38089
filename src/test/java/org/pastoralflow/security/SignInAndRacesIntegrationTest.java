package org.pastoralflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.forms.FormData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in the way an attacker would try it, and two people finishing the same task at once. */
@PostgresIntegrationTest
class SignInAndRacesIntegrationTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired ReferralService referrals;
    @Autowired StudentRepository students;
    @Autowired TaskService tasks;
    @Autowired ChronologyRepository chronology;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

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

    String newStaffMember() {
        String id = "throttle" + System.nanoTime();
        User u = identity.newUser(id);
        u.setFirstName("Try");
        u.setLastName("Often");
        u.setPassword("right-password-1");
        identity.saveUser(u);
        identity.createMembership(id, "staff");
        return id;
    }

    static boolean signedIn(HttpResponse<String> r) {
        return r.statusCode() == 302 && r.headers().firstValue("Location").map(l -> !l.contains("error")).orElse(false);
    }

    void later(int minutes) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(minutes, ChronoUnit.MINUTES)));
    }

    @Test
    void aWrongPasswordMakesTheNextAttemptWaitAndTenLockTheAccountUntilAnAdministratorUnlocksIt() {
        String id = newStaffMember();
        HttpUser attacker = new HttpUser(port);
        ClockUtil.setCurrentTime(Date.from(Instant.now()));

        assertThat(signedIn(attacker.signIn(id, "guess-1"))).isFalse();
        // straight after a failure even the right password is refused: guessing is slowed down
        assertThat(signedIn(new HttpUser(port).signIn(id, "right-password-1"))).isFalse();
        later(2);
        assertThat(signedIn(new HttpUser(port).signIn(id, "right-password-1"))).isTrue();

        for (int attempt = 1; attempt <= 10; attempt++) {
            later(2);
            assertThat(signedIn(attacker.signIn(id, "guess-" + attempt))).isFalse();
        }
        later(60);
        assertThat(signedIn(new HttpUser(port).signIn(id, "right-password-1"))).as("locked after ten failures").isFalse();

        identity.unlockUser(id);
        assertThat(signedIn(new HttpUser(port).signIn(id, "right-password-1"))).isTrue();
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
