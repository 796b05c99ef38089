package org.pastoralflow.removal;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a school changes about removals ({@code pastoral.removals.*}): the reasons staff choose from,
 * the places a student can be sent, and which of those places keep a register by day (the reflection
 * room, or an internal-exclusion room by another name).
 *
 * <p>A bean with setters, not a record: the school's own values (the settings page) are bound into
 * this one instance while the application runs (docs/adr/0031), so every reader sees them at use.
 */
@ConfigurationProperties("pastoral.removals")
public class RemovalSettings implements InitializingBean {

    private volatile List<String> reasons = List.of("Persistent disruption after warnings",
            "Refusing to follow instructions", "Rudeness or defiance towards staff", "Unsafe behaviour",
            "Discriminatory or abusive language", "Other (say in the note)");
    private volatile List<String> destinations = List.of("Reflection room", "Learning Support Centre", "Another class", "On-call");
    private volatile List<String> registerDestinations = List.of("Reflection room");

    public List<String> reasons() {
        return reasons;
    }

    public void setReasons(List<String> reasons) {
        if (reasons != null && !reasons.isEmpty()) {
            this.reasons = List.copyOf(reasons);
        }
    }

    public List<String> destinations() {
        return destinations;
    }

    public void setDestinations(List<String> destinations) {
        if (destinations != null && !destinations.isEmpty()) {
            this.destinations = List.copyOf(destinations);
        }
    }

    public List<String> registerDestinations() {
        return registerDestinations;
    }

    public void setRegisterDestinations(List<String> registerDestinations) {
        if (registerDestinations != null && !registerDestinations.isEmpty()) {
            this.registerDestinations = List.copyOf(registerDestinations);
        }
    }

    /** Checked once bound (both lists known), at start-up and before the school's own values are taken. */
    @Override
    public void afterPropertiesSet() {
        for (String d : registerDestinations) {
            if (!destinations.contains(d)) {
                throw new IllegalStateException("pastoral.removals.register-destinations: \"" + d
                        + "\" is not one of pastoral.removals.destinations " + destinations);
            }
        }
    }
}
