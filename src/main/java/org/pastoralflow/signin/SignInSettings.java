package org.pastoralflow.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed sign-ins are allowed ({@code pastoral.sign-in.*}; docs/operations.md). A login is
 * locked for {@code account.lock-for} after {@code account.max-failures} failures within
 * {@code account.window}; a client address may fail {@code address.max-failures} times in any
 * {@code address.window} (a sliding window) before its attempts are refused. The administrators are
 * e-mailed at most once every {@code alert-every}.
 */
@ConfigurationProperties("pastoral.sign-in")
public record SignInSettings(Account account, Address address, Duration alertEvery) {

    public SignInSettings {
        account = account == null ? new Account(null, null, null) : account;
        address = address == null ? new Address(null, null) : address;
        alertEvery = positive(alertEvery == null ? Duration.ofMinutes(15) : alertEvery, "alert-every");
    }

    public record Account(Integer maxFailures, Duration window, Duration lockFor) {
        public Account {
            maxFailures = atLeastOne(maxFailures == null ? 10 : maxFailures, "account.max-failures");
            window = positive(window == null ? Duration.ofMinutes(15) : window, "account.window");
            lockFor = positive(lockFor == null ? Duration.ofMinutes(15) : lockFor, "account.lock-for");
        }
    }

    public record Address(Integer maxFailures, Duration window) {
        public Address {
            maxFailures = atLeastOne(maxFailures == null ? 50 : maxFailures, "address.max-failures");
            window = positive(window == null ? Duration.ofMinutes(15) : window, "address.window");
        }
    }

    /** Failures older than this are no longer counted anywhere. */
    Duration longestWindow() {
        return account.window().compareTo(address.window()) > 0 ? account.window() : address.window();
    }

    private static int atLeastOne(int n, String name) {
        if (n < 1) {
            throw new IllegalArgumentException("pastoral.sign-in." + name + " must be 1 or more, not " + n);
        }
        return n;
    }

    private static Duration positive(Duration d, String name) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("pastoral.sign-in." + name + " must be longer than zero, not " + d);
        }
        return d;
    }
}
