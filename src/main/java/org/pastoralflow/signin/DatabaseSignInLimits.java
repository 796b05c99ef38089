package org.pastoralflow.signin;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.pastoralflow.security.SignInLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins counted in the database (V21__sign_in_limits.sql), so that several nodes on one
 * database count the same attempts and a restart forgets nothing. A login's lock ends by itself
 * after {@code account.lock-for}: someone who types wrong passwords on purpose can keep a DSL out
 * for minutes at a time, never for good, and the administrators are told.
 */
@Service
@EnableConfigurationProperties(SignInSettings.class)
class DatabaseSignInLimits implements SignInLimits {

    private final JdbcTemplate jdbc;
    private final SignInSettings settings;
    private final AdministratorAlert alert;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DatabaseSignInLimits(JdbcTemplate jdbc, SignInSettings settings, AdministratorAlert alert, PlatformTransactionManager transactions,
                         Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.settings = settings;
        this.alert = alert;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public Optional<Refusal> refusal(String userId, String address) {
        Instant now = clock.instant();
        if (failuresFrom(address, now) >= settings.address().maxFailures()) {
            return Optional.of(Refusal.ADDRESS_BLOCKED);
        }
        List<OffsetDateTime> lockedUntil = jdbc.queryForList("select locked_until from sign_in_lock where subject = ?",
                OffsetDateTime.class, login(userId));
        return !lockedUntil.isEmpty() && lockedUntil.get(0).toInstant().isAfter(now)
                ? Optional.of(Refusal.LOGIN_LOCKED) : Optional.empty();
    }

    /**
     * Counts the failure, then, each in a transaction of its own: locks the login when it has
     * reached its limit, and tells the administrators when the address has reached its own. An
     * address at its limit is refused before any password is checked, so the attempts refused are
     * not counted and the window slides on: it may try again as its oldest failures age out.
     */
    @Override
    public void failed(String userId, String address) {
        Instant now = clock.instant();
        int[] counts = transaction.execute(status -> {
            jdbc.update("insert into sign_in_failure (user_id, address, failed_at) values (?, ?, ?)", userId, address, at(now));
            jdbc.update("delete from sign_in_failure where failed_at < ?", at(now.minus(settings.longestWindow())));
            jdbc.update("delete from sign_in_lock where locked_until < ?", at(now.minus(settings.longestWindow())));
            Integer ofLogin = userId == null ? 0 : jdbc.queryForObject(
                    "select count(*) from sign_in_failure where user_id = ? and failed_at > ?",
                    Integer.class, userId, at(now.minus(settings.account().window())));
            return new int[] {ofLogin == null ? 0 : ofLogin, failuresFrom(address, now)};
        });
        if (counts[0] >= settings.account().maxFailures()) {
            Instant until = now.plus(settings.account().lockFor());
            lock(login(userId), now, until, () -> {
                jdbc.update("delete from sign_in_failure where user_id = ?", userId);
                alert.loginLocked(userId, counts[0], until, address);
            });
        }
        if (counts[1] >= settings.address().maxFailures()) {
            lock("address:" + address, now, now.plus(settings.address().window()), () -> alert.addressBlocked(address, counts[1]));
        }
    }

    @Override
    public void succeeded(String userId) {
        jdbc.update("delete from sign_in_failure where user_id = ?", userId);
    }

    /**
     * Sets {@code subject} locked until {@code until} and runs {@code then}, in one transaction,
     * unless it is locked already. Another attempt, on this node or another, may be doing the same:
     * the conditional update's row lock makes the second wait and then find it locked, and two first
     * inserts cannot both succeed; either way only one of them runs {@code then}.
     */
    private void lock(String subject, Instant now, Instant until, Runnable then) {
        try {
            transaction.executeWithoutResult(status -> {
                int updated = jdbc.update("update sign_in_lock set locked_until = ? where subject = ? and locked_until <= ?",
                        at(until), subject, at(now));
                if (updated == 0) {
                    Integer held = jdbc.queryForObject("select count(*) from sign_in_lock where subject = ?", Integer.class, subject);
                    if (held != null && held > 0) {
                        return;
                    }
                    jdbc.update("insert into sign_in_lock (subject, locked_until) values (?, ?)", subject, at(until));
                }
                then.run();
            });
        } catch (DuplicateKeyException lockedAtTheSameMoment) {
            // the other attempt locked it and told the administrators
        }
    }

    private int failuresFrom(String address, Instant now) {
        Integer n = jdbc.queryForObject("select count(*) from sign_in_failure where address = ? and failed_at > ?",
                Integer.class, address, at(now.minus(settings.address().window())));
        return n == null ? 0 : n;
    }

    private static String login(String userId) {
        return "login:" + userId;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public void unlock(String userId) {
        jdbc.update("delete from sign_in_lock where subject = ?", login(userId));
        jdbc.update("delete from sign_in_failure where user_id = ?", userId);
    }
}
