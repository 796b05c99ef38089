package org.pastoralflow.workflow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Staff passwords are stored as bcrypt hashes, through the engine's password encryptor plug-in, so
 * Camunda Admin, the engine and the sign-in share one store. The engine's own hash (salted SHA-512)
 * takes microseconds to try, so a stolen copy of the user table could be guessed at billions a second;
 * bcrypt makes each guess cost tens of milliseconds. Hashes made before are still accepted (the
 * engine picks the checker by the stored prefix, {SHA-512} or {SHA}) and are replaced at the user's
 * next successful sign-in ({@link EngineStaffDirectory}). See docs/adr/0011.
 */
@Component
class BcryptPasswords extends AbstractProcessEnginePlugin implements PasswordEncryptor {

    static final String ALGORITHM = "BCRYPT";
    static final String PREFIX = "{" + ALGORITHM + "}";

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    /** A real hash, so a check against a user who does not exist takes as long as one against a user who does. */
    private final String decoy = bcrypt.encode(digest("no such user"));

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // new and changed passwords; the engine always keeps its SHA-512 and SHA checkers for hashes made before
        configuration.setPasswordEncryptor(this);
    }

    /** The engine hands over the password with the user's salt appended. */
    @Override
    public String encrypt(String saltedPassword) {
        return bcrypt.encode(digest(saltedPassword));
    }

    @Override
    public boolean check(String saltedPassword, String hash) {
        return bcrypt.matches(digest(saltedPassword), hash);
    }

    @Override
    public String hashAlgorithmName() {
        return ALGORITHM;
    }

    static boolean isBcrypt(String storedHash) {
        return storedHash != null && storedHash.startsWith(PREFIX);
    }

    /** Spends the time of one check, for a user name that does not exist. */
    void checkNobody(String password) {
        bcrypt.matches(digest(password), decoy);
    }

    /**
     * bcrypt reads at most 72 bytes and Spring's refuses longer input, while the engine appends a
     * 24-character salt to every password: a long passphrase would fail or be cut short. Its SHA-256
     * (44 characters in Base64) fits whatever the length, and bcrypt's own salt and cost still apply.
     */
    private static String digest(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
