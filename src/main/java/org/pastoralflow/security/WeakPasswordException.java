package org.pastoralflow.security;

import java.util.List;

/** A password that does not meet the password policy, with what it lacks in plain words. */
public class WeakPasswordException extends RuntimeException {

    private final List<String> problems;

    public WeakPasswordException(List<String> problems) {
        super("The password does not meet the password policy: it needs " + String.join(", ", problems) + ".");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
