package org.pastoralflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox is tried again when the mail server was down, and when the send after commit never
 * happened; a row is sent once however many times (or nodes) the retry runs; it gives up after
 * the configured number of tries. On PostgreSQL, with a real SMTP server that the test stops.
 */
@PostgresIntegrationTest
class OutboxRetryIntegrationTest {

    @Autowired Notifier notifier;
    @Autowired NotificationRepository outbox;
    @Autowired TransactionTemplate transaction;

    @AfterEach
    void mailServerBack() {
        TestMail.up();
    }

    Notification bySubject(String subject) {
        return outbox.findAll().stream().filter(n -> n.getSubject().equals(subject)).findFirst().orElseThrow();
    }

    long received(String subject) throws Exception {
        long n = 0;
        for (MimeMessage m : TestMail.received()) {
            if (subject.equals(m.getSubject())) {
                n++;
            }
        }
        return n;
    }

    /** Runs the retry until nothing else is due at that time (other tests' rows may be due too). */
    void retryAt(Instant when) {
        while (notifier.retryDue(when) > 0) {
            // next batch
        }
    }

    @Test
    void anEmailThatFailedWhileTheMailServerWasDownIsSentOnceItIsBack() throws Exception {
        String subject = "Immediate risk: review now " + System.nanoTime();
        TestMail.down();
        transaction.executeWithoutResult(s -> notifier.toUsers(List.of("dsl"), subject, "A concern needs you", "/inbox", null));

        Notification failed = bySubject(subject);
        assertThat(failed.getStatus()).isEqualTo("FAILED");
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getNextAttemptAt()).isBetween(Instant.now().plus(Duration.ofSeconds(50)), Instant.now().plus(Duration.ofMinutes(2)));

        retryAt(Instant.now()); // not due yet: nothing is tried
        assertThat(bySubject(subject).getAttempts()).isEqualTo(1);

        TestMail.up();
        retryAt(failed.getNextAttemptAt().plusSeconds(1));
        Notification sent = bySubject(subject);
        assertThat(sent.getStatus()).isEqualTo("SENT");
        assertThat(sent.getAttempts()).isEqualTo(2);
        assertThat(sent.getError()).isNull();
        assertThat(sent.getNextAttemptAt()).isNull();
        assertThat(received(subject)).isEqualTo(1);

        retryAt(Instant.now().plus(Duration.ofDays(2)));
        assertThat(received(subject)).as("sent once, however often the retry runs").isEqualTo(1);
    }

    @Test
    void anEmailWhoseSendAfterCommitNeverHappenedIsSentByTheRetry() throws Exception {
        String subject = "Lost between commit and send " + System.nanoTime();
        // what a node leaves behind when it stops right after committing: a PENDING row, never sent
        Notification lost = outbox.save(new Notification("dsl@demo-school.example", subject, "Open it",
                Instant.now(), Instant.now().plus(Notifier.SEND_AFTER_COMMIT_GRACE)));

        retryAt(Instant.now());
        assertThat(bySubject(subject).getStatus()).as("still within the grace for the send after commit").isEqualTo("PENDING");

        retryAt(lost.getNextAttemptAt().plusSeconds(1));
        assertThat(bySubject(subject).getStatus()).isEqualTo("SENT");
        assertThat(received(subject)).isEqualTo(1);
    }

    @Test
    void afterTheLastTryTheEmailIsLeftFailedAndNotTriedAgain() {
        String subject = "Mail server gone for good " + System.nanoTime();
        TestMail.down();
        transaction.executeWithoutResult(s -> notifier.toUsers(List.of("dsl"), subject, "A concern needs you", "/inbox", null));

        Notification n = bySubject(subject);
        assertThat(n.getNextAttemptAt()).isBefore(Instant.now().plus(Duration.ofMinutes(2))); // the first wait: a minute
        Instant clock = Instant.now();
        List<Long> waits = new ArrayList<>();
        while (n.getNextAttemptAt() != null) {
            clock = n.getNextAttemptAt().plusSeconds(1);
            retryAt(clock);
            n = bySubject(subject);
            if (n.getNextAttemptAt() != null) {
                waits.add(Duration.between(clock, n.getNextAttemptAt()).toMinutes());
            }
        }
        assertThat(waits).as("each wait four times the one before").containsExactly(4L, 16L, 64L, 256L);
        assertThat(n.getStatus()).isEqualTo("FAILED");
        assertThat(n.getAttempts()).isEqualTo(6);
        assertThat(n.getError()).isNotBlank();

        retryAt(clock.plus(Duration.ofDays(30)));
        assertThat(bySubject(subject).getAttempts()).isEqualTo(6);
    }
}
