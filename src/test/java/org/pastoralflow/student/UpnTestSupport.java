package org.pastoralflow.student;

/** Makes valid UPNs for tests in other packages. */
public final class UpnTestSupport {

    private UpnTestSupport() {
    }

    public static String valid(String twelveCharacters) {
        return Upn.checkLetter(twelveCharacters) + twelveCharacters;
    }
}
