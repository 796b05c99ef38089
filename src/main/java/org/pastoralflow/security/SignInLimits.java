package org.pastoralflow.security;

import java.util.Optional;

/**
 * Limits on failed sign-ins, asked by {@link StaffAuthenticationProvider} for the pages and the API
 * alike: per login (locked for a while after too many failures) and per client address. The sign-in
 * feature answers it ({@code signin.DatabaseSignInLimits}), with its counts in the database.
 */
public interface SignInLimits {

    enum Refusal {
        /** Too many failures for this login: it is locked for a while. */
        LOGIN_LOCKED,
        /** Too many failures from this client address lately. */
        ADDRESS_BLOCKED
    }

    /** Whether to refuse this attempt before its password is even checked. */
    Optional<Refusal> refusal(String userId, String address);

    /** A wrong password, or a name that is nobody's ({@code userId} null: only the address is counted). */
    void failed(String userId, String address);

    void succeeded(String userId);

    /** Ends a login's lock before its time (an administrator on the staff page). */
    void unlock(String userId);
}
