package org.pastoralflow.notification;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Tries the outbox again every minute (on every node; {@link Notifier#retryDue} makes that safe). */
@Component
@ConditionalOnProperty(name = "pastoral.mail.retry.enabled", havingValue = "true", matchIfMissing = true)
class OutboxRetry {

    private final Notifier notifier;

    private final Clock clock;

    OutboxRetry(Notifier notifier, Clock clock) {
        this.notifier = notifier;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pastoral.mail.retry.every:PT1M}", initialDelayString = "${pastoral.mail.retry.every:PT1M}")
    void run() {
        notifier.retryDue(clock.instant());
    }
}
