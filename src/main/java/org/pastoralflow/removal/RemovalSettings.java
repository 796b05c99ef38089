package org.pastoralflow.removal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a school changes about removals ({@code pastoral.removals.*}): the reasons staff choose from,
 * the places a student can be sent, and which of those places keep a register by day (the reflection
 * room, or an internal-exclusion room by another name).
 */
@ConfigurationProperties("pastoral.removals")
public record RemovalSettings(List<String> reasons, List<String> destinations, List<String> registerDestinations) {

    public RemovalSettings {
        reasons = reasons == null || reasons.isEmpty() ? List.of("Persistent disruption after warnings",
                "Refusing to follow instructions", "Rudeness or defiance towards staff", "Unsafe behaviour",
                "Discriminatory or abusive language", "Other (say in the note)") : List.copyOf(reasons);
        destinations = destinations == null || destinations.isEmpty()
                ? List.of("Reflection room", "Learning Support Centre", "Another class", "On-call")
                : List.copyOf(destinations);
        registerDestinations = registerDestinations == null || registerDestinations.isEmpty()
                ? List.of("Reflection room") : List.copyOf(registerDestinations);
        for (String d : registerDestinations) {
            if (!destinations.contains(d)) {
                throw new IllegalStateException("pastoral.removals.register-destinations: \"" + d
                        + "\" is not one of pastoral.removals.destinations " + destinations);
            }
        }
    }
}
