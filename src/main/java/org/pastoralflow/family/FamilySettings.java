package org.pastoralflow.family;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a school changes about parents and carers ({@code pastoral.family.*}): the restriction codes
 * its MIS export uses and what each one stops. A code in an export that is not listed here refuses
 * the row, so a restriction is never imported as something the application does not enforce.
 */
@ConfigurationProperties("pastoral.family")
public record FamilySettings(List<Restriction> restrictions) {

    /**
     * One restriction code. {@code noContact}: nothing is sent to this person and they are not offered
     * where a contact is chosen; {@code withholdAddress}: their address goes on no document and no
     * export (staff who read the student's contacts still see it, marked).
     */
    public record Restriction(String code, String name, boolean noContact, boolean withholdAddress) {
    }

    public FamilySettings {
        restrictions = restrictions == null || restrictions.isEmpty() ? List.of(
                new Restriction("NC", "No contact", true, false),
                new Restriction("CO", "Court order: no contact (the DSL holds the order)", true, true),
                new Restriction("DND", "Do not disclose address", false, true))
                : List.copyOf(restrictions);
        Set<String> seen = new HashSet<>();
        for (Restriction r : restrictions) {
            if (r.code() == null || !r.code().matches("[A-Za-z0-9-]{1,10}") || !seen.add(r.code().toUpperCase(Locale.ROOT))) {
                throw new IllegalStateException("pastoral.family.restrictions: code \"" + r.code()
                        + "\" must be 1 to 10 letters, digits or hyphens, and each code listed once");
            }
        }
    }

    public Optional<Restriction> restriction(String code) {
        return restrictions.stream().filter(r -> r.code().equalsIgnoreCase(code)).findFirst();
    }
}
