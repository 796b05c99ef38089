package org.pastoralflow.signin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.security.Group;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the administrators when sign-in starts refusing people: every lock and every blocked
 * address is an audit event ({@code SIGN_IN_LOCKED}, {@code SIGN_IN_BLOCKED}); an e-mail to the
 * {@code admin} group goes through the outbox at most once every {@code pastoral.sign-in.alert-every},
 * decided in the database so that an attack on several nodes at once still sends one.
 */
@Component
class AdministratorAlert {

    static final String LOCKED = "SIGN_IN_LOCKED";
    static final String BLOCKED = "SIGN_IN_BLOCKED";
    static final String SUBJECT = "Sign-ins refused after repeated failures";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final AuditLog audit;
    private final Notifier notifier;
    private final JdbcTemplate jdbc;
    private final SignInSettings settings;
    private final Clock clock;

    AdministratorAlert(AuditLog audit, Notifier notifier, JdbcTemplate jdbc, SignInSettings settings,
                       Clock clock) {
        this.audit = audit;
        this.notifier = notifier;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    void loginLocked(String userId, int failures, Instant until, String lastAddress) {
        String what = "The login " + userId + " is locked until " + TIME.format(until.atZone(clock.getZone())) + " after " + failures
                + " failed sign-ins (the last from " + lastAddress + ").";
        audit.record("system", LOCKED, "user", null, null, what);
        tell(what);
    }

    void addressBlocked(String address, int failures) {
        String what = "Sign-ins from " + address + " are refused after " + failures + " failures within "
                + settings.address().window().toMinutes() + " minutes, until there are fewer.";
        audit.record("system", BLOCKED, "address", null, null, what);
        tell(what);
    }

    private void tell(String what) {
        Instant now = clock.instant();
        int mine = jdbc.update("update sign_in_alert set last_sent_at = ? where id = 'administrators' "
                        + "and (last_sent_at is null or last_sent_at <= ?)",
                now.atOffset(ZoneOffset.UTC), now.minus(settings.alertEvery()).atOffset(ZoneOffset.UTC));
        if (mine == 1) {
            notifier.toGroups(List.of(Group.ADMIN.id()), SUBJECT, what + "\n\nSomeone may be guessing passwords, or a member of "
                    + "staff has forgotten theirs. Further refusals in the next " + settings.alertEvery().toMinutes()
                    + " minutes are in the audit trail on the administration page, not e-mailed.", "/admin", null);
        }
    }
}
